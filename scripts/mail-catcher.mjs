// A mail catcher for trying Fulcrum's email on your own machine: a real SMTP server on a
// loopback port that accepts every message and prints it, nothing delivered anywhere.
//   npm run mail:catch            (port 2525, or MAIL_CATCHER_PORT)
//   SMTP_URL=smtp://127.0.0.1:2525 npm start
// It uses smtp-server, which the tests use too: a development dependency.
import { SMTPServer } from "smtp-server";

const port = Number(process.env.MAIL_CATCHER_PORT ?? 2525);

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => {
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(", ");
      const text = Buffer.concat(chunks)
        .toString("utf8")
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
      console.log(`\n──── to ${to} ────\n${text}`);
      callback();
    });
  },
});

server.listen(port, "127.0.0.1", () => console.log(`Catching mail on smtp://127.0.0.1:${port}. Start the app with SMTP_URL=smtp://127.0.0.1:${port}`));
