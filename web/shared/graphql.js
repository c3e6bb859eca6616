// The one way the pages talk to the server: POST /graphql with the bearer token.
//
// Mutations answer a union of a success type and error types (`__typename`, `code`,
// `message`); failures of the request itself (no or expired token, a forbidden role,
// a malformed query) come back as top-level errors with `extensions.code`, thrown here
// as ApiError. A network failure is thrown as OfflineError so pages can fall back to
// what they last saw.

export class ApiError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

export class OfflineError extends Error {}

export async function graphql(query, variables = {}, token = null) {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
      cache: "no-store",
    });
  } catch (error) {
    throw new OfflineError("The server cannot be reached.");
  }
  let body;
  try {
    body = await response.json();
  } catch (error) {
    throw new ApiError("INTERNAL_ERROR", `The server answered ${response.status}.`);
  }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    throw new ApiError(first.extensions?.code ?? "INTERNAL_ERROR", first.message);
  }
  return body.data;
}

// An image the API renders for the logged-in account (the QR codes under /qr/), shown
// from a blob: URL because an <img src> cannot send the Authorization header.
export async function authorizedImage(path, token) {
  let response;
  try {
    response = await fetch(path, { headers: { authorization: `Bearer ${token}` }, cache: "no-store" });
  } catch (error) {
    throw new OfflineError("The server cannot be reached.");
  }
  if (!response.ok) {
    let code = "INTERNAL_ERROR";
    let message = `The server answered ${response.status}.`;
    try {
      const body = await response.json();
      code = body.error.code;
      message = body.error.message;
    } catch (error) { /* not JSON: keep the status */ }
    throw new ApiError(code, message);
  }
  return {
    url: URL.createObjectURL(await response.blob()),
    headers: response.headers,
  };
}

export function newKey() {
  return crypto.randomUUID();
}
