/**
 * The Jupyter messaging protocol's wire format (protocol 5.3): a message is a list of frames
 * `[identities…, "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers…]`,
 * where `signature = HMAC-SHA256(key, header + parent_header + metadata + content)` in hex.
 *
 * Example:
 *   const frames = encodeMessage(key, makeMessage(session, "kernel_info_request", {}));
 *   const message = decodeMessage(key, await socket.receive());
 */
import { createHmac, randomUUID } from "node:crypto";

/** The frame that separates zeromq routing identities from the signed message. */
export const DELIMITER = "<IDS|MSG>";

/** A message header (the fields every Jupyter message carries). */
export interface MessageHeader {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

/** A decoded Jupyter message; `content` is the JSON payload, typed per message kind by the reader. */
export interface JupyterMessage {
  header: MessageHeader;
  parent_header: Partial<MessageHeader>;
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
}

/** Hex HMAC-SHA256 of the four JSON parts; the empty string when the key is empty (no signing). */
export function sign(key: string, parts: readonly (string | Buffer)[]): string {
  if (key === "") return "";
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
}

/** A new request message of `msgType` for `session`, with a fresh msg_id. */
export function makeMessage(
  session: string,
  msgType: string,
  content: Record<string, unknown>,
): JupyterMessage {
  return {
    header: {
      msg_id: randomUUID(),
      msg_type: msgType,
      session,
      username: "course-runner",
      date: new Date().toISOString(),
      version: "5.3",
    },
    parent_header: {},
    metadata: {},
    content,
  };
}

/** The frames to send on a DEALER socket (no identities: the kernel's ROUTER adds ours). */
export function encodeMessage(key: string, message: JupyterMessage): string[] {
  const parts = [
    JSON.stringify(message.header),
    JSON.stringify(message.parent_header),
    JSON.stringify(message.metadata),
    JSON.stringify(message.content),
  ];
  return [DELIMITER, sign(key, parts), ...parts];
}

/**
 * Parses received frames, checking the signature. Throws an Error naming what is wrong when the
 * delimiter is missing or the signature does not match.
 */
export function decodeMessage(key: string, frames: readonly Buffer[]): JupyterMessage {
  const at = frames.findIndex((frame) => frame.toString() === DELIMITER);
  if (at < 0 || frames.length < at + 6) {
    throw new Error(`decodeMessage: malformed message (${frames.length} frames, no ${DELIMITER})`);
  }
  const signature = frames[at + 1].toString();
  const parts = frames.slice(at + 2, at + 6);
  const expected = sign(key, parts);
  if (signature !== expected) {
    throw new Error("decodeMessage: invalid HMAC signature on a message from the kernel");
  }
  const [header, parent, metadata, content] = parts.map((part) => JSON.parse(part.toString()));
  return { header, parent_header: parent, metadata, content };
}
