// Live updates: one GraphQL subscription over a WebSocket to /graphql, in the
// graphql-transport-ws protocol, with the token sent in `connection_init`.
//
// The socket reconnects after a drop, waiting longer each time (1 s, 2 s, 4 s … at most
// 30 s, with jitter); `onState` says "live" once subscribed, "down" while retrying, and
// "refused" when the server closed it for the token (4403: expired, revoked or invalid):
// then it does not retry, and the page should check its session. A page that hears
// "down" may poll instead until "live" again.

const PROTOCOL = "graphql-transport-ws";
const MAX_DELAY_MS = 30_000;
const REFUSED = 4403;

export function liveSubscription({ query, variables = {}, token, onData, onState = () => {} }) {
  let socket = null;
  let attempts = 0;
  let timer = null;
  let stopped = false;

  function retry() {
    attempts += 1;
    onState("down", attempts);
    const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (attempts - 1)) * (0.75 + Math.random() / 4);
    timer = setTimeout(connect, delay);
  }

  function connect() {
    timer = null;
    if (stopped) return;
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    try {
      socket = new WebSocket(`${scheme}://${location.host}/graphql`, PROTOCOL);
    } catch (error) {
      retry();
      return;
    }
    const send = (message) => socket.send(JSON.stringify(message));
    socket.addEventListener("open", () => send({ type: "connection_init", payload: { token: token() } }));
    socket.addEventListener("message", (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      if (message.type === "connection_ack") {
        send({ id: "1", type: "subscribe", payload: { query, variables } });
      } else if (message.type === "ping") {
        send({ type: "pong" });
      } else if (message.type === "next" && message.payload?.data) {
        attempts = 0;
        onState("live");
        onData(message.payload.data);
      } else if (message.type === "next" || message.type === "error" || message.type === "complete") {
        // The server ended the subscription (e.g. the account was closed): start afresh.
        socket.close(1000);
      }
    });
    socket.addEventListener("close", (event) => {
      socket = null;
      if (stopped) return;
      if (event.code === REFUSED) {
        onState("refused");
        return;
      }
      retry();
    });
  }

  connect();
  return {
    close() {
      stopped = true;
      if (timer) clearTimeout(timer);
      socket?.close(1000);
    },
  };
}
