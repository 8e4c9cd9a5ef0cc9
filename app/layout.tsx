import type { Metadata } from "next";
import "./globals.css";

// Every page is rendered per request, so that each carries its own CSP nonce.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Fulcrum", template: "%s · Fulcrum" },
  description: "Anonymous upward feedback: where each sales manager stands between managing and leading.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
