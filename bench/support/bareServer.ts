/**
 * The baseline for fan-out: a plain Socket.IO server, no database, no checks. It answers the
 * same events as Moot so that the same client code runs against both: "motion:join" puts the
 * connection in the motion's room; "argument:post" is acked and an "argument.posted" event of
 * the same shape, padded to the size of Moot's (the first argument, in bytes), goes to the room.
 *
 *   node --import tsx bench/support/bareServer.ts [eventBytes]    (prints "listening on PORT")
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

const eventBytes = Number(process.argv[2] ?? 0);
const http = createServer();
const io = new Server(http);
let seq = 0;

type Post = { motionId: string; parentId: string | null; relation: string; body: string };
type Ack = (answer: unknown) => void;

io.on("connection", (socket) => {
  socket.on("motion:join", async ({ motionId }: { motionId: string }, ack: Ack) => {
    await socket.join(`motion:${motionId}`);
    ack({ ok: true, motionId, seq, events: [], reload: false, serverNow: Date.now() });
  });
  socket.on("argument:post", (post: Post, ack: Ack) => {
    seq += 1;
    const argument = {
      ...post,
      id: crypto.randomUUID(),
      author: { id: crypto.randomUUID(), name: "Bench" },
      createdAt: new Date().toISOString(),
    };
    const event = {
      motionId: post.motionId,
      seq,
      type: "argument.posted",
      at: Date.now(),
      data: { argument },
    };
    const padding = "x".repeat(Math.max(0, eventBytes - JSON.stringify(event).length - 14));
    ack({ ok: true, seq, argument });
    io.to(`motion:${post.motionId}`).emit("motion:events", [{ ...event, padding }]);
  });
});

http.listen(0, "127.0.0.1", () => {
  console.log(`listening on ${(http.address() as AddressInfo).port}`);
});
process.once("SIGTERM", () => {
  io.close();
  process.exit(0);
});
