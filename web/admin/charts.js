// Charts as SVG built in the page: no library, no inline style (the page's CSP forbids it).
// Colours come from admin.css through each shape's class.

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

// A round top for the value axis: 1, 2 or 5 times a power of ten.
function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const numberFormat = new Intl.NumberFormat();

function legend(series) {
  const list = document.createElement("ul");
  list.className = "legend";
  for (const s of series) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = `swatch swatch-${s.key}`;
    swatch.setAttribute("aria-hidden", "true");
    item.append(swatch, s.name);
    list.append(item);
  }
  return list;
}

// Columns side by side for each label, one per series: [{ key, name, values }].
// `width`: the container's width in CSS pixels, so that text is drawn at its own size.
export function columnChart({ id, title, labels, series, width = 720, format = (n) => numberFormat.format(n) }) {
  width = Math.max(320, Math.round(width));
  const height = 260;
  const margin = { top: 12, right: 12, bottom: 44, left: 64 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const top = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const y = (value) => margin.top + plotHeight - (Math.max(0, value) / top) * plotHeight;
  const group = labels.length ? plotWidth / labels.length : plotWidth;
  const barWidth = Math.max(1, (group * 0.8) / Math.max(1, series.length));
  // Every label when they fit, else every n-th (a year of days).
  const every = Math.max(1, Math.ceil(labels.length / Math.max(4, Math.floor(plotWidth / 64))));

  const titleId = `${id}-title`;
  const chart = svg("svg", {
    id, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": titleId, class: "chart-svg",
    preserveAspectRatio: "xMidYMid meet",
  }, svg("title", { id: titleId }, title));

  const axis = svg("g", { class: "axis" });
  for (const fraction of [0, 0.5, 1]) {
    const value = top * fraction;
    axis.append(
      svg("line", { x1: margin.left, x2: width - margin.right, y1: y(value), y2: y(value), class: "grid-line" }),
      svg("text", { x: margin.left - 8, y: y(value) + 4, "text-anchor": "end", class: "tick" }, format(value)),
    );
  }
  chart.append(axis);

  series.forEach((s, index) => {
    const bars = svg("g", { class: `series series-${s.key}` });
    s.values.forEach((value, i) => {
      const x = margin.left + i * group + group * 0.1 + index * barWidth;
      bars.append(svg("rect", {
        class: `bar bar-${s.key}`, x: x.toFixed(2), y: y(value).toFixed(2), width: barWidth.toFixed(2),
        height: (margin.top + plotHeight - y(value)).toFixed(2), "data-label": labels[i], "data-value": value,
      }, svg("title", {}, `${labels[i]} · ${s.name}: ${format(value)}`)));
    });
    chart.append(bars);
  });

  const names = svg("g", { class: "x-labels" });
  labels.forEach((label, i) => {
    if (i % every) return;
    names.append(svg("text", {
      x: (margin.left + i * group + group / 2).toFixed(2), y: height - margin.bottom + 18,
      "text-anchor": "middle", class: "x-label",
    }, label));
  });
  chart.append(names);

  const figure = document.createElement("figure");
  figure.append(chart);
  if (series.length > 1) figure.append(legend(series));
  return figure;
}

// One horizontal bar per item: [{ label, value }], the label on the left, the value after the bar.
export function barList({ id, title, items, key = "item", width = 520, format = (n) => numberFormat.format(n) }) {
  width = Math.max(300, Math.round(width));
  const row = 34;
  const labelWidth = Math.min(150, width * 0.35);
  const valueWidth = 90;
  const height = Math.max(1, items.length) * row + 8;
  const top = Math.max(1, ...items.map((item) => item.value));
  const plotWidth = width - labelWidth - valueWidth;
  const titleId = `${id}-title`;
  const chart = svg("svg", {
    id, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": titleId, class: "chart-svg",
  }, svg("title", { id: titleId }, title));
  items.forEach((item, i) => {
    const y = 4 + i * row;
    const barWidth = (Math.max(0, item.value) / top) * plotWidth;
    chart.append(svg("g", { class: "bar-row" },
      svg("text", { x: labelWidth - 8, y: y + row / 2 + 5, "text-anchor": "end", class: "bar-name" }, item.label),
      svg("rect", {
        class: `bar bar-${key}`, x: labelWidth, y: y + 6, width: barWidth.toFixed(2), height: row - 12,
        "data-label": item.label, "data-value": item.value,
      }, svg("title", {}, `${item.label}: ${format(item.value)}`)),
      svg("text", { x: labelWidth + barWidth + 6, y: y + row / 2 + 5, class: "bar-value" }, format(item.value)),
    ));
  });
  const figure = document.createElement("figure");
  figure.append(chart);
  return figure;
}
