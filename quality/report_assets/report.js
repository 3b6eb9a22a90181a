// The article view of a quality report: a paged list of articles and one article at a time,
// with its findings highlighted. The list comes from the JSON index in #quality-index; each
// article's text and findings from a gzip-compressed chunk, unpacked when first needed. The
// text arrives already marked up (quality/html_report.py), so no offsets are computed here.
"use strict";
(function () {
  const PAGE_SIZE = 50;
  const index = JSON.parse(document.getElementById("quality-index").textContent);
  // [id, source, title, date, quality, words, errors, warnings, infos, error], one per article
  const articles = index.articles.map(([id, source, title, date, quality, words, errors, warnings, infos, error]) =>
    ({ id, source, title, date, quality, words, counts: { error: errors, warning: warnings, info: infos }, error }));
  const chunks = document.querySelectorAll("script.quality-chunk");
  const unpacked = new Map();  // chunk number -> Promise of its articles' details
  const list = document.querySelector("#article-list tbody");
  const pager = document.getElementById("pager");
  const view = document.getElementById("article-view");
  const sourceFilter = document.getElementById("filter-source");
  const textFilter = document.getElementById("filter-text");
  const sortOrder = document.getElementById("sort");
  let shown = [];  // indices into articles, filtered and sorted
  let page = 0;
  let current = null;

  function details(number) {
    const chunk = Math.floor(number / index.chunk_size);
    if (!unpacked.has(chunk)) {
      const bytes = Uint8Array.from(atob(chunks[chunk].textContent), (c) => c.charCodeAt(0));
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      unpacked.set(chunk, new Response(stream).json());
    }
    return unpacked.get(chunk).then((all) => all[number % index.chunk_size]);
  }

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function format(value, digits) {
    return value === null || value === undefined ? "–" : value.toFixed(digits);
  }

  function refilter() {
    const source = sourceFilter.value;
    const text = textFilter.value.trim().toLowerCase();
    shown = [];
    articles.forEach((article, index) => {
      if (source && article.source !== source) return;
      if (text && !(article.id + " " + (article.title || "")).toLowerCase().includes(text)) return;
      shown.push(index);
    });
    const order = sortOrder.value;
    if (order === "quality") {
      // errors first (nothing could be scored), then the lowest quality
      const key = (i) => (articles[i].quality === null ? -1 : articles[i].quality);
      shown.sort((a, b) => key(a) - key(b) || a - b);
    } else if (order === "findings") {
      const key = (i) => articles[i].counts.error * 1e6 + articles[i].counts.warning * 1e3 + articles[i].counts.info;
      shown.sort((a, b) => key(b) - key(a) || a - b);
    }
    page = 0;
    drawList();
  }

  function drawList() {
    const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    page = Math.min(Math.max(page, 0), pages - 1);
    list.replaceChildren();
    for (const index of shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)) {
      const article = articles[index];
      const row = element("tr", { class: index === current ? "current" : null, "data-article": index },
        element("td", {}, element("a", { href: "#article-" + index }, article.id)),
        element("td", {}, article.source),
        element("td", { class: "num" }, article.error ? "error" : format(article.quality, 3)),
        element("td", { class: "num" }, String(article.words)),
        element("td", { class: "num" }, String(article.counts.error)),
        element("td", { class: "num" }, String(article.counts.warning)),
        element("td", { class: "num" }, String(article.counts.info)));
      list.append(row);
    }
    const previous = element("button", { type: "button" }, "‹ previous");
    previous.disabled = page === 0;
    previous.addEventListener("click", () => { page -= 1; drawList(); });
    const next = element("button", { type: "button" }, "next ›");
    next.disabled = page >= pages - 1;
    next.addEventListener("click", () => { page += 1; drawList(); });
    const from = shown.length ? page * PAGE_SIZE + 1 : 0;
    const to = Math.min(shown.length, (page + 1) * PAGE_SIZE);
    pager.replaceChildren(previous, ` articles ${from}–${to} of ${shown.length} (page ${page + 1} of ${pages}) `, next);
  }

  function describe(finding) {
    const [rule, severity, , message, suggestion] = finding;
    const name = index.rules[rule] ? index.rules[rule][0] : "";
    return `${rule} ${name} (${severity}): ${message}` + (suggestion ? `\nrepair: ${suggestion}` : "");
  }

  function findingItem(finding, evidence, number, article) {
    const [rule, severity, detector, message, suggestion, line, col] = finding;
    let shownText;
    if (suggestion && detector === "mojibake") {
      shownText = element("span", { class: "repair" }, element("del", {}, evidence), " → ", element("ins", {}, suggestion));
    } else {
      shownText = element("q", {}, evidence.length > 160 ? evidence.slice(0, 159) + "…" : evidence);
    }
    const item = element("li", { class: severity + " " + detector, "data-f": number, "data-severity": severity, "data-detector": detector },
      element("a", { href: `#article-${article}-${number}`, class: "code", title: index.rules[rule] ? index.rules[rule][1] : "" }, rule),
      ` ${severity} · line ${line}, col ${col} `, shownText, element("div", { class: "message" }, message));
    if (suggestion && detector !== "mojibake") item.append(element("div", { class: "suggestion" }, "repair: " + suggestion));
    return item;
  }

  async function drawArticle(number, focus) {
    const article = articles[number];
    if (!article) return;
    current = number;
    let more;
    try {
      more = await details(number);
    } catch (failure) {
      view.replaceChildren(element("p", { class: "error" },
        "This browser cannot unpack the report's articles (" + failure + "); open the report in a current Chrome, Edge, Firefox or Safari."));
      return;
    }
    if (current !== number) return;  // another article was asked for meanwhile
    const dimensions = Object.entries(more.dimensions).map(([name, value]) => `${name.replace("_", " ")} ${format(value, 2)}`).join(" · ");
    const header = element("header", {},
      element("h3", {}, article.title || article.id),
      element("p", { class: "meta" }, `${article.id} · ${article.source}` + (article.date ? ` · ${article.date}` : "") +
        ` · ${article.words} words · quality ${article.error ? "not scored" : format(article.quality, 3)}`),
      dimensions ? element("p", { class: "meta" }, dimensions) : null,
      article.error ? element("p", { class: "error" }, "error: " + article.error) : null);
    const text = element("div", { class: "text" });
    text.innerHTML = more.html;
    const evidence = more.findings.map(() => "");
    for (const mark of text.querySelectorAll("mark[data-f]")) {
      const finding = more.findings[Number(mark.dataset.f)];
      mark.dataset.rule = finding[0];
      mark.dataset.severity = finding[1];
      mark.dataset.detector = finding[2];
      mark.title = describe(finding);
      evidence[Number(mark.dataset.f)] += mark.textContent;
    }
    const findings = element("ol", { class: "findings", start: 0 });
    more.findings.forEach((finding, n) => findings.append(findingItem(finding, evidence[n], n, number)));
    const count = element("h4", {}, `${more.findings.length} findings`);
    const body = element("div", { class: "body" }, text, element("aside", {}, count, findings));
    view.replaceChildren(header, body);
    view.dataset.article = number;
    applyFilters();
    for (const row of list.querySelectorAll("tr")) row.classList.toggle("current", Number(row.dataset.article) === number);
    if (focus !== null && focus !== undefined) {
      const marks = text.querySelectorAll(`mark[data-f="${focus}"]`);
      const item = findings.querySelector(`li[data-f="${focus}"]`);
      for (const node of [...marks, item]) if (node) node.classList.add("focus");
      (marks[0] || item || view).scrollIntoView({ block: "center" });
    }
  }

  function applyFilters() {
    const checked = (name) => new Set([...document.querySelectorAll(`input[name=${name}]:checked`)].map((box) => box.value));
    const severities = checked("severity");
    const detectors = checked("detector");
    let hidden = 0;
    for (const node of view.querySelectorAll("mark[data-f], li[data-f]")) {
      const visible = severities.has(node.dataset.severity) && detectors.has(node.dataset.detector);
      node.classList.toggle("off", !visible);
      if (!visible && node.tagName === "LI") hidden += 1;
    }
    const count = view.querySelector("aside h4");
    if (count) count.textContent = count.textContent.replace(/ \(.*\)$/, "") + (hidden ? ` (${hidden} hidden by the filters above)` : "");
  }

  async function followHash() {
    const match = /^#article-(\d+)(?:-(\d+))?$/.exec(location.hash);
    if (!match) return;
    const number = Number(match[1]);
    if (!shown.includes(number)) {  // filtered out of the list: clear the filters
      sourceFilter.value = "";
      textFilter.value = "";
      refilter();
    }
    page = Math.floor(Math.max(0, shown.indexOf(number)) / PAGE_SIZE);
    drawList();
    const focus = match[2] === undefined ? null : Number(match[2]);
    await drawArticle(number, focus);
    if (focus === null) view.scrollIntoView({ block: "start" });
  }

  sourceFilter.addEventListener("change", refilter);
  textFilter.addEventListener("input", refilter);
  sortOrder.addEventListener("change", refilter);
  for (const box of document.querySelectorAll("#highlight-controls input")) box.addEventListener("change", applyFilters);
  window.addEventListener("hashchange", followHash);
  refilter();
  if (location.hash.startsWith("#article-")) followHash();
  else if (articles.length) drawArticle(shown[0], null);

  // For scripts and tests that drive the report: show an article (a Promise), optionally at a finding.
  window.qualityReport = { show: drawArticle, articles: articles.length };
})();
