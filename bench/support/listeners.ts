import WebSocket from "ws";
import { inBatches } from "./audience";

/**
 * Receivers that cost the bench little: plain WebSockets that speak just enough Engine.IO and
 * Socket.IO (protocol 4 and 5) to join a motion's room as a visitor, answer the server's pings
 * and read every frame the room is sent, without decoding it. The server does for them exactly
 * what it does for a browser; the bench's process, which shares the machine's cores with the
 * server it measures, does not parse 300 copies of every event.
 */
export interface Listener {
  /** Motion events read since the join was answered. */
  readonly heard: number;
  close(): void;
}

const JOIN_ACK_ID = 1;
const SEQ_KEY = Buffer.from('"seq":');

/**
 * How many events a frame carries, without parsing it: each envelope has one `"seq":` key, and
 * JSON escapes a quote inside a string, so no text can spell it.
 */
function eventsIn(frame: Buffer) {
  let count = 0;
  for (let at = frame.indexOf(SEQ_KEY); at !== -1; at = frame.indexOf(SEQ_KEY, at + 1)) count += 1;
  return count;
}

function listen(url: string, motionId: string) {
  return new Promise<Listener>((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`);
    let heard = 0;
    let joined = false;
    const listener: Listener = {
      get heard() {
        return heard;
      },
      close: () => ws.close(),
    };
    ws.once("error", reject);
    ws.on("message", (data: Buffer) => {
      if (joined) {
        // "2": Engine.IO's ping, answered "3"; anything else is the room's traffic.
        if (data.length === 1 && data[0] === 0x32) ws.send("3");
        else heard += eventsIn(data);
        return;
      }
      const text = data.toString();
      if (text === "2") ws.send("3");
      // The Engine.IO handshake ("0{...}"): connect to the main namespace.
      else if (text.startsWith("0")) ws.send("40");
      // The namespace's answer ("40{...}"): join the room, asking for an ack.
      else if (text.startsWith("40")) {
        ws.send(`42${JOIN_ACK_ID}${JSON.stringify(["motion:join", { motionId, sinceSeq: 0 }])}`);
      } else if (text.startsWith("44")) reject(new Error(`refused: ${text}`));
      else if (text.startsWith(`43${JOIN_ACK_ID}`)) {
        const [answer] = JSON.parse(text.slice(3)) as [
          { ok: boolean; error?: { message: string } },
        ];
        if (!answer.ok) reject(new Error(`join refused: ${answer.error?.message}`));
        joined = true;
        resolve(listener);
      }
    });
  });
}

/** `count` listeners in the motion's room, a batch at a time. */
export const listenersIn = (url: string, count: number, motionId: string) =>
  inBatches(count, () => listen(url, motionId));
