/**
 * The baseline for fan-out: a plain Socket.IO server, no database, no checks. It answers the
 * same events as Moot so that the same client code runs against both: "motion:join" puts the
 * connection in the motion's room; "argument:post" is acked and the event Moot sent for a post
 * (the first argument, as JSON) goes to the room, with this post's seq, time, id and text: the
 * receivers read the same bytes of the same shape from both servers.
 *
 *   node --import tsx bench/support/bareServer.ts '<event JSON>'    (prints "listening on PORT")
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

type Post = { motionId: string; parentId: string | null; relation: string; body: string };
type Ack = (answer: unknown) => void;
type Template = { data: { argument: Record<string, unknown> } } & Record<string, unknown>;

const template = JSON.parse(process.argv[2] ?? "") as Template;
const http = createServer();
const io = new Server(http);
let seq = 0;

io.on("connection", (socket) => {
  socket.on("motion:join", async ({ motionId }: { motionId: string }, ack: Ack) => {
    await socket.join(`motion:${motionId}`);
    ack({ ok: true, motionId, seq, events: [], reload: false, serverNow: Date.now() });
  });
  socket.on("argument:post", (post: Post, ack: Ack) => {
    seq += 1;
    const at = new Date().toISOString();
    const { motionId, parentId, relation, body } = post;
    const argument = {
      ...template.data.argument,
      motionId,
      parentId,
      relation,
      body,
      id: crypto.randomUUID(),
      createdAt: at,
    };
    ack({ ok: true, seq, argument });
    io.to(`motion:${motionId}`).emit("motion:events", [
      { ...template, motionId, seq, at, data: { ...template.data, argument } },
    ]);
  });
});

http.listen(0, "127.0.0.1", () => {
  console.log(`listening on ${(http.address() as AddressInfo).port}`);
});
process.once("SIGTERM", () => {
  io.close();
  process.exit(0);
});
