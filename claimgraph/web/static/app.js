// claimgraph: a little JavaScript where it helps; every page works without it.
"use strict";

// ACH matrix: changing a cell saves the matrix (the form posts only what differs).
document.querySelectorAll("form.ach-form select").forEach((select) => {
  select.addEventListener("change", () => select.form.requestSubmit());
});

// Document page: hovering or clicking a highlighted passage shows its statement.
const dataNode = document.getElementById("statements-data");
const panel = document.getElementById("statement-panel");
if (dataNode && panel) {
  const statements = new Map(JSON.parse(dataNode.textContent).map((s) => [s.id, s]));
  const row = (dl, name, value) => {
    if (value === null || value === undefined || value === "") return;
    const dt = document.createElement("dt");
    dt.textContent = name;
    const dd = document.createElement("dd");
    dd.textContent = value;
    dl.append(dt, dd);
  };
  const show = (ids) => {
    panel.replaceChildren();
    panel.classList.remove("muted");
    document.querySelectorAll(".active").forEach((n) => n.classList.remove("active"));
    ids.forEach((id) => {
      const s = statements.get(id);
      if (!s) return;
      const dl = document.createElement("dl");
      dl.className = "statement";
      dl.dataset.statement = id;
      row(dl, "source", (s.source.name || s.source.kind) + (s.source.title ? ", " + s.source.title : ""));
      row(dl, "kind", s.source.kind);
      row(dl, "says", s.relation + (s.polarity === "negative" ? " (negated)" : ""));
      row(dl, "subject", s.subject_name);
      row(dl, "certainty", s.certainty);
      row(dl, "cue", s.cue);
      row(dl, "quote", s.quote);
      row(dl, "sentence", s.sentence);
      panel.append(dl);
      document.querySelectorAll(`[data-st~="${CSS.escape(id)}"]`).forEach((n) => n.classList.add("active"));
    });
  };
  document.querySelectorAll("[data-st]").forEach((node) => {
    const ids = node.dataset.st.split(" ");
    node.addEventListener("mouseenter", () => show(ids));
    node.addEventListener("click", () => show(ids));
    node.addEventListener("focus", () => show(ids));
  });
}
