// `npm start` checks its ports before it migrates, builds or starts anything,
// so a busy port is one clear line and nothing half-started.
import net from "node:net";

const ports = [
  { port: Number(process.env.PORT ?? 4000), who: "the API", fix: "set PORT to use another" },
  { port: 3000, who: "the admin", fix: "stop what uses it" },
];

function busy(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error) => resolve(error.code === "EADDRINUSE" || error.code === "EACCES"));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(false)));
  });
}

for (const { port, who, fix } of ports) {
  if (await busy(port)) {
    console.error(
      `error: port ${port} is already in use, and ${who} needs it (is Claimdesk already running?); ${fix}, then run npm start again`,
    );
    process.exit(1);
  }
}
