// newsclaims serve: choosing a marked passage shows its details beside the text. Everything shown
// is already in the page (rendered and escaped by the server); this only chooses what is visible.
(() => {
  const details = document.getElementById('details');
  if (!details) return;
  const hint = document.getElementById('details-hint');
  const within = document.createElement('p');
  within.className = 'within';
  within.hidden = true;
  details.prepend(within);
  const KIND_NAMES = { attribution: 'quote', claim: 'claim', entity: 'entity', source: 'source' };

  const marksOf = (id) => document.querySelectorAll(`mark[data-id="${CSS.escape(id)}"]`);

  function show(id, mark, focusPanel) {
    const panel = document.getElementById(`d-${id}`);
    if (!panel) return;
    for (const el of details.querySelectorAll('.detail')) el.hidden = el !== panel;
    if (hint) hint.hidden = true;
    for (const m of document.querySelectorAll('mark.active')) m.classList.remove('active');
    for (const m of marksOf(id)) m.classList.add('active');
    // The passages the chosen one sits in (a claim inside a quote): one step to each.
    const outer = [];
    for (let el = mark?.parentElement?.closest('mark[data-kind]'); el; el = el.parentElement?.closest('mark[data-kind]')) {
      if (el.dataset.id !== id && !outer.some((o) => o.dataset.id === el.dataset.id)) outer.push(el);
    }
    within.replaceChildren();
    if (outer.length) {
      within.append('Inside: ');
      outer.forEach((el, i) => {
        if (i) within.append(' · ');
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'linkish';
        b.textContent = `${KIND_NAMES[el.dataset.kind] ?? el.dataset.kind} ${el.dataset.id}`;
        b.addEventListener('click', () => show(el.dataset.id, el, true));
        within.append(b);
      });
    }
    within.hidden = !outer.length;
    if (focusPanel) panel.focus({ preventScroll: false });
  }

  document.addEventListener('click', (e) => {
    const link = e.target.closest('a[data-show]');
    if (link) {
      e.preventDefault();
      const id = link.dataset.show;
      const first = document.getElementById(`m-${id}`);
      show(id, first, false);
      if (first) {
        first.scrollIntoView({ block: 'center' });
        first.focus({ preventScroll: true });
      }
      history.replaceState(null, '', `#m-${id}`);
      return;
    }
    const mark = e.target.closest('mark[data-kind]');
    if (mark && !e.target.closest('a')) show(mark.dataset.id, mark, false);
  });
  document.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.matches?.('mark[data-kind]')) {
      e.preventDefault();
      show(e.target.dataset.id, e.target, false);
    }
  });
  // Arriving from another page at #m-c2 (a search hit, a quote on an entity's page) opens it.
  if (location.hash.startsWith('#m-')) {
    const id = decodeURIComponent(location.hash.slice(3));
    show(id, document.getElementById(`m-${id}`), false);
  }
})();
