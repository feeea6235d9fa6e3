// What a person would see wrong on the page shown, as a list of sentences (empty when none):
// a page wider than the screen, text drawn over the text of another element, a checkbox or radio with no visible box
// or no visible focus, a field with no visible edge, a form whose Enter key would not do its main action, an error summary that did not get focus.
// Run by the browser suite (Browser.layoutProblems) in the page; returns an array of strings.
return (function () {
  const problems = [];
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    else if (el.className && typeof el.className === 'string') s += '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.');
    const text = (el.innerText || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return text ? s + ' "' + text + '"' : s;
  };
  const visible = (el) => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') return false;
      if (e.checkVisibility && !e.checkVisibility({ contentVisibilityAuto: true })) return false;
    }
    return true;
  };
  const clipped = (el) => {
    // visually hidden (Bootstrap's sr-only pattern): a 1px box with clip
    const r = el.getBoundingClientRect();
    return r.width <= 1 || r.height <= 1;
  };

  // 1. nothing wider than the screen
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) {
    const wide = [...document.querySelectorAll('body *')].filter((e) => {
      const r = e.getBoundingClientRect();
      return visible(e) && r.width > 0 && (r.right > width + 1 || r.left < -1) && getComputedStyle(e).position !== 'fixed';
    }).filter((e, _, all) => !all.some((o) => o !== e && e.contains(o))).slice(0, 3).map(describe);
    problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide on a ' + width + ' px screen: ' + wide.join(', '));
  }

  // 2. no text over the text of an unrelated element
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION', 'TITLE'].includes(el.tagName) || !visible(el) || clipped(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width > 2 && r.height > 2) boxes.push({ el, r });
    }
  }
  const overlaps = new Set();
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (x > 3 && y > 4) {
        const key = describe(a.el) + ' overlaps ' + describe(b.el);
        if (!overlaps.has(key)) overlaps.add(key);
      }
    }
  }
  [...overlaps].slice(0, 5).forEach((o) => problems.push('text over text: ' + o));

  // 3. every checkbox and radio shows its box, and its focus
  const looks = (el) => {
    const label = el.labels && el.labels[0];
    const parts = [getComputedStyle(el)];
    if (label) parts.push(getComputedStyle(label, '::before'), getComputedStyle(label, '::after'), getComputedStyle(label));
    return parts.map((s) => [s.outlineStyle, s.outlineWidth, s.boxShadow, s.borderColor, s.backgroundColor, s.width].join(' ')).join('|');
  };
  const drawn = (el) => {
    const own = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (own.opacity !== '0' && own.appearance !== 'none' && r.width >= 12 && r.height >= 12) return true;
    const label = el.labels && el.labels[0];
    if (!label) return false;
    return ['::before', '::after'].some((p) => {
      const s = getComputedStyle(label, p);
      return s.content !== 'none' && parseFloat(s.width) >= 12 && parseFloat(s.height) >= 12
        && (parseFloat(s.borderTopWidth) > 0 || s.backgroundColor !== 'rgba(0, 0, 0, 0)');
    });
  };
  const active = document.activeElement;
  if (active && active.blur) active.blur();
  for (const el of document.querySelectorAll('input[type=checkbox], input[type=radio]')) {
    const holder = el.labels && el.labels[0];
    if (!visible(holder || el) || el.disabled) continue;
    if (!drawn(el)) {
      problems.push('the ' + el.type + ' ' + describe(holder || el) + ' has no visible box');
      continue;
    }
    const before = looks(el);
    el.focus();
    const after = looks(el);
    if (before === after) problems.push('the ' + el.type + ' ' + describe(holder || el) + ' shows no focus');
    el.blur();
  }
  if (active && active !== document.body) active.focus();

  // 3b. every field shows where to type or choose: an edge (Bootstrap Italia draws a bottom line) or a shadow
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (['hidden', 'checkbox', 'radio', 'submit', 'button', 'file', 'reset', 'image', 'range', 'color'].includes(el.type)
        || !visible(el) || clipped(el)) continue;
    const cs = getComputedStyle(el);
    const edge = ['Top', 'Right', 'Bottom', 'Left'].some((side) => parseFloat(cs['border' + side + 'Width']) > 0
      && cs['border' + side + 'Style'] !== 'none' && cs['border' + side + 'Color'] !== 'rgba(0, 0, 0, 0)');
    if (!edge && cs.boxShadow === 'none') problems.push('the field ' + describe(el) + ' has no visible edge');
  }

  // 4. Enter in a text field does the form's main action: the form's first submit button is its primary one
  for (const form of document.forms) {
    const fields = [...form.elements].filter((e) => e.tagName === 'INPUT' && !['hidden', 'checkbox', 'radio', 'submit', 'button', 'file', 'reset'].includes(e.type) && visible(e));
    if (!fields.length) continue;
    const submits = [...form.elements].filter((e) => (e.tagName === 'BUTTON' && (e.type || 'submit') === 'submit') || (e.tagName === 'INPUT' && e.type === 'submit'));
    if (submits.length > 1 && !submits[0].classList.contains('btn-primary') && !submits[0].hasAttribute('data-main-action')) {
      problems.push('Enter in ' + describe(fields[0]) + ' would press ' + describe(submits[0]) + ', not the main action');
    }
  }

  // 5. an error summary has the focus, so the person sees and hears it
  const summary = document.getElementById('error-summary');
  if (summary && visible(summary) && document.activeElement !== summary) {
    problems.push('the error summary is shown but the focus is on ' + describe(document.activeElement || document.body));
  }
  return problems;
})();
