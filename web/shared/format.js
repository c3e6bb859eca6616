// Small formatting helpers shared by the wallet and the console.

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const numberFormat = new Intl.NumberFormat();

export const points = (n) => numberFormat.format(n);
export const date = (iso) => (iso ? dateFormat.format(new Date(iso)) : "");
export const dateTime = (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : "");

export function money(amount, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(Number(amount));
  } catch (error) {
    return `${amount} ${currency}`;
  }
}

// 712345678903 -> "7123 4567 8903", as printed on a card and typed at a till.
export const cardNumber = (digits) => digits.replace(/\D/g, "").replace(/(\d{4})(?=\d)/g, "$1 ");

// Build DOM without innerHTML: text always goes in as text.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "className") element.className = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}
