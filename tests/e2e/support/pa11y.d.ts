// pa11y ships no types; this covers the part of its API the accessibility spec uses.
declare module "pa11y" {
  interface Pa11yIssue {
    code: string;
    type: "error" | "warning" | "notice";
    message: string;
    selector: string;
  }
  interface Pa11yOptions {
    standard?: "WCAG2A" | "WCAG2AA" | "WCAG2AAA";
    runners?: string[];
    headers?: Record<string, string>;
    chromeLaunchConfig?: { executablePath?: string; args?: string[] };
    timeout?: number;
  }
  export default function pa11y(url: string, options?: Pa11yOptions): Promise<{ issues: Pa11yIssue[] }>;
}
