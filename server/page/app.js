/*
 * app.js — the counsellor's search page. Plain DOM, no framework, no
 * requests anywhere but this server's /api. Everything from the server is
 * put on the page as text nodes (never as HTML); highlights are built from
 * the byte ranges the API gives, converted to string positions through the
 * snippet's UTF-8 bytes. The search state lives in the URL fragment, which
 * browsers never send to a server, so a link can be shared without the
 * need text reaching any log.
 */
'use strict';
(() => {
  const T = {
    fi: {
      skip: 'Siirry hakukenttään',
      tagline: 'Palveluhaku työllisyyspalveluiden asiantuntijalle',
      needLabel: 'Asiakkaan tilanne ja tarve',
      needPlaceholder: 'Esim. 24v, keskeytti ammattikoulun, velkoja, haluaisi kokeilla töitä ravintola-alalla',
      search: 'Hae palvelut', hint: 'Ctrl + Enter hakee', limit: 'Tuloksia', group: 'Ryhmittele tarpeittain',
      share: 'Kopioi linkki', shared: 'Linkki hakuun kopioitu leikepöydälle.',
      shareManual: 'Kopioi linkki osoiteriviltä.',
      privacy: 'Älä kirjoita asiakkaan nimeä. Henkilötunnukset poistetaan tekstistä ennen hakua.',
      filters: 'Rajaukset', countsNote: 'Luvut: palveluita luettelossa muiden rajausten kanssa.',
      category: 'Palvelualue', target_group: 'Kohderyhmä', language: 'Palvelun kieli', municipality: 'Kunta',
      clearFilters: 'Poista rajaukset', results: 'Tulokset', showAll: 'Näytä kaikki',
      close: 'Sulje', footer: 'Kohtaanto – haku ei tallenna eikä kirjaa hakutekstejä.',
      searching: 'Haetaan…', noResults: 'Ei osuvia palveluita. Kokeile kuvata tarve toisin sanoin tai poista rajauksia.',
      found: (n, m) => `${n} parasta osumaa (${m} palvelua osui hakuun)`,
      browse: (n, total) => `${n} / ${total} palvelua luettelossa. Kirjoita tarve yllä olevaan kenttään.`,
      why: 'Miksi tämä?', matched: 'Osuneet sanat', effects: 'Tilanteen vaikutus',
      via: 'käsitteen kautta', details: 'Näytä tiedot', signals: 'Tunnistettu:', needs: 'Tarpeet:',
      otherResults: 'Muut osumat',
      redacted: (n) => `Hakutekstistä poistettiin ${n === 1 ? 'henkilötunnus' : n + ' henkilötunnusta'} ennen hakua.`,
      error: 'Haku epäonnistui', loadError: 'Tietojen haku epäonnistui',
      f_description: 'Kuvaus', f_target: 'Kenelle', f_requirements: 'Ehdot', f_referral: 'Ohjaus ja hakeminen',
      f_cost: 'Hinta', f_languages: 'Kielet', f_municipalities: 'Kunnat', f_delivery: 'Toteutus',
      f_age: 'Ikä', f_finnish: 'Suomen kielen taito', f_keywords: 'Avainsanat', f_updated: 'Päivitetty',
      f_related: 'Liittyvät palvelut', years: 'v', ageFrom: 'vähintään', ageTo: 'enintään',
      fields: { name: 'nimi', summary: 'tiivistelmä', description: 'kuvaus', keywords: 'avainsanat',
        target: 'kohderyhmä', conditions: 'ehdot', provider: 'järjestäjä' },
      version: 'versio', indexBuilt: 'indeksi',
      fbReferred: 'Ohjattu', fbUseful: 'Hyödyllinen', fbNotSuitable: 'Ei sovi…', fbThanks: 'Palaute tallennettu (vain tarpeen käsitteet, ei tekstiä).',
      tokenPrompt: 'Palautteen tallennus vaatii tunnisteen (token). Anna se:',
      fbReasons: { target_group: 'väärä kohderyhmä', not_eligible: 'asiakas ei ole oikeutettu', area: 'väärä alue',
        unclear: 'kuvaus epäselvä', no_match: 'ei vastaa tarvetta', other: 'muu syy' },
    },
    sv: {
      skip: 'Gå till sökfältet',
      tagline: 'Tjänstesökning för experter inom sysselsättningstjänster',
      needLabel: 'Kundens situation och behov',
      needPlaceholder: 'T.ex. 24 år, avbröt yrkesskolan, skulder, vill prova på jobb inom restaurangbranschen',
      search: 'Sök tjänster', hint: 'Ctrl + Enter söker', limit: 'Resultat', group: 'Gruppera efter behov',
      share: 'Kopiera länk', shared: 'Länken till sökningen har kopierats.',
      shareManual: 'Kopiera länken från adressfältet.',
      privacy: 'Skriv inte kundens namn. Personbeteckningar tas bort ur texten före sökningen.',
      filters: 'Avgränsningar', countsNote: 'Siffror: tjänster i katalogen med de andra avgränsningarna.',
      category: 'Tjänsteområde', target_group: 'Målgrupp', language: 'Tjänstens språk', municipality: 'Kommun',
      clearFilters: 'Ta bort avgränsningar', results: 'Resultat', showAll: 'Visa alla',
      close: 'Stäng', footer: 'Kohtaanto – sökningen sparar eller loggar inte söktexter.',
      searching: 'Söker…', noResults: 'Inga passande tjänster. Beskriv behovet med andra ord eller ta bort avgränsningar.',
      found: (n, m) => `${n} bästa träffar (${m} tjänster matchade)`,
      browse: (n, total) => `${n} / ${total} tjänster i katalogen. Skriv behovet i fältet ovan.`,
      why: 'Varför?', matched: 'Matchande ord', effects: 'Situationens inverkan',
      via: 'via begreppet', details: 'Visa uppgifter', signals: 'Identifierat:', needs: 'Behov:',
      otherResults: 'Övriga träffar',
      redacted: (n) => `${n === 1 ? 'En personbeteckning' : n + ' personbeteckningar'} togs bort ur söktexten före sökningen.`,
      error: 'Sökningen misslyckades', loadError: 'Uppgifterna kunde inte hämtas',
      f_description: 'Beskrivning', f_target: 'För vem', f_requirements: 'Villkor', f_referral: 'Hänvisning och ansökan',
      f_cost: 'Pris', f_languages: 'Språk', f_municipalities: 'Kommuner', f_delivery: 'Genomförande',
      f_age: 'Ålder', f_finnish: 'Kunskaper i finska', f_keywords: 'Nyckelord', f_updated: 'Uppdaterad',
      f_related: 'Relaterade tjänster', years: 'år', ageFrom: 'minst', ageTo: 'högst',
      fields: { name: 'namn', summary: 'sammanfattning', description: 'beskrivning', keywords: 'nyckelord',
        target: 'målgrupp', conditions: 'villkor', provider: 'anordnare' },
      version: 'version', indexBuilt: 'index',
      fbReferred: 'Hänvisad', fbUseful: 'Användbar', fbNotSuitable: 'Passar inte…', fbThanks: 'Responsen sparades (endast behovets begrepp, ingen text).',
      tokenPrompt: 'Att spara respons kräver en token. Ange den:',
      fbReasons: { target_group: 'fel målgrupp', not_eligible: 'kunden är inte berättigad', area: 'fel område',
        unclear: 'oklar beskrivning', no_match: 'motsvarar inte behovet', other: 'annat' },
    },
    en: {
      skip: 'Skip to the search box',
      tagline: 'Service search for employment services counsellors',
      needLabel: "The client's situation and need",
      needPlaceholder: 'E.g. 24, dropped out of vocational school, debts, would like to try working in restaurants',
      search: 'Find services', hint: 'Ctrl + Enter searches', limit: 'Results', group: 'Group by need',
      share: 'Copy link', shared: 'Link to this search copied to the clipboard.',
      shareManual: 'Copy the link from the address bar.',
      privacy: "Do not write the client's name. Personal identity codes are removed from the text before searching.",
      filters: 'Filters', countsNote: 'Counts: services in the catalogue with the other filters.',
      category: 'Service area', target_group: 'Target group', language: 'Service language', municipality: 'Municipality',
      clearFilters: 'Clear filters', results: 'Results', showAll: 'Show all',
      close: 'Close', footer: 'Kohtaanto – search texts are neither stored nor logged.',
      searching: 'Searching…', noResults: 'No matching services. Try describing the need in other words or clear filters.',
      found: (n, m) => `${n} best matches (${m} services matched)`,
      browse: (n, total) => `${n} / ${total} services in the catalogue. Describe the need above to search.`,
      why: 'Why this?', matched: 'Matched words', effects: "The situation's effect",
      via: 'through the concept', details: 'Show details', signals: 'Recognised:', needs: 'Needs:',
      otherResults: 'Other matches',
      redacted: (n) => `${n === 1 ? 'A personal identity code was' : n + ' personal identity codes were'} removed from the text before searching.`,
      error: 'Search failed', loadError: 'Could not load the details',
      f_description: 'Description', f_target: 'For whom', f_requirements: 'Requirements', f_referral: 'Referral and applying',
      f_cost: 'Cost', f_languages: 'Languages', f_municipalities: 'Municipalities', f_delivery: 'Delivery',
      f_age: 'Age', f_finnish: 'Finnish skills', f_keywords: 'Keywords', f_updated: 'Updated',
      f_related: 'Related services', years: 'y', ageFrom: 'at least', ageTo: 'at most',
      fields: { name: 'name', summary: 'summary', description: 'description', keywords: 'keywords',
        target: 'target group', conditions: 'conditions', provider: 'provider' },
      version: 'version', indexBuilt: 'index',
      fbReferred: 'Referred', fbUseful: 'Useful', fbNotSuitable: 'Not suitable…', fbThanks: 'Feedback saved (only the need\'s concepts, no text).',
      tokenPrompt: 'Saving feedback needs a token. Enter it:',
      fbReasons: { target_group: 'wrong target group', not_eligible: 'client not eligible', area: 'wrong area',
        unclear: 'description unclear', no_match: 'does not match the need', other: 'other' },
    },
  };

  /* Labels of catalogue ids: [fi, sv, en]. Unknown ids are shown as they are. */
  const LABELS = {
    category: {
      tyonhaku: ['Työnhaku', 'Jobbsökning', 'Job search'],
      koulutus: ['Koulutus', 'Utbildning', 'Education and training'],
      kotoutuminen: ['Kotoutuminen', 'Integration', 'Integration'],
      tuettu_tyo: ['Tuettu työ', 'Stött arbete', 'Supported employment'],
      tyokyky: ['Työkyky ja terveys', 'Arbetsförmåga och hälsa', 'Work ability and health'],
      nuoret: ['Nuoret', 'Unga', 'Young people'],
      yrittajyys: ['Yrittäjyys', 'Företagande', 'Entrepreneurship'],
      talous_asuminen: ['Talous ja asuminen', 'Ekonomi och boende', 'Money and housing'],
      arki_osallisuus: ['Arki ja osallisuus', 'Vardag och delaktighet', 'Everyday life and participation'],
      tyonantajat: ['Työnantajille', 'För arbetsgivare', 'For employers'],
      ohjaus: ['Ohjaus ja neuvonta', 'Vägledning och rådgivning', 'Guidance and counselling'],
    },
    target_group: {
      kaikki: ['Kaikki', 'Alla', 'Everyone'],
      maahanmuuttajat: ['Maahanmuuttajat', 'Invandrare', 'Immigrants'],
      nuoret: ['Nuoret', 'Unga', 'Young people'],
      pitkaaikaistyottomat: ['Pitkäaikaistyöttömät', 'Långtidsarbetslösa', 'Long-term unemployed'],
      osatyokykyiset: ['Osatyökykyiset', 'Partiellt arbetsföra', 'Partially able to work'],
      korkeakoulutetut: ['Korkeakoulutetut', 'Högskoleutbildade', 'University graduates'],
      yrittajiksi_aikovat: ['Yrittäjiksi aikovat', 'Blivande företagare', 'Aspiring entrepreneurs'],
      ikaantyneet: ['Ikääntyneet', 'Äldre', 'Older jobseekers'],
      tyonantajat: ['Työnantajat', 'Arbetsgivare', 'Employers'],
      paihdekuntoutujat: ['Päihdekuntoutujat', 'I missbruksrehabilitering', 'In substance-abuse recovery'],
      vanhemmat: ['Vanhemmat', 'Föräldrar', 'Parents'],
      vammaiset: ['Vammaiset', 'Personer med funktionsnedsättning', 'People with disabilities'],
      naiset: ['Naiset', 'Kvinnor', 'Women'],
      lomautetut: ['Lomautetut', 'Permitterade', 'Laid off'],
      asunnottomat: ['Asunnottomat', 'Bostadslösa', 'Homeless'],
      rikostaustaiset: ['Rikostaustaiset', 'Med brottsbakgrund', 'With a criminal record'],
      opiskelijat: ['Opiskelijat', 'Studerande', 'Students'],
    },
    delivery: {
      kasvokkain: ['kasvokkain', 'på plats', 'face to face'],
      'etä': ['etänä', 'på distans', 'remote'],
      verkko: ['verkossa', 'på nätet', 'online'],
      puhelin: ['puhelimessa', 'per telefon', 'by phone'],
    },
    municipality: { 'koko Suomi': ['koko Suomi', 'hela Finland', 'all of Finland'] },
  };
  const FACETS = ['category', 'target_group', 'language', 'municipality'];
  const UI_LANGS = ['fi', 'sv', 'en'];
  const BROWSE_PAGE = 30;

  const $ = (id) => document.getElementById(id);
  const state = {
    ui: 'fi',
    filters: Object.fromEntries(FACETS.map((f) => [f, new Set()])),
    doc: null,         // last search response
    browse: null,      // last /api/services response
    showAll: false,
    writtenHash: null, // the fragment this page wrote last
    detailReturn: null,
    seq: 0,
  };

  const t = (key) => (T[state.ui][key] !== undefined ? T[state.ui][key] : T.fi[key]);

  function label(kind, value) {
    if (kind === 'language') {
      try {
        const name = new Intl.DisplayNames([state.ui], { type: 'language' }).of(value);
        if (name && name !== value) return name;
      } catch (_) { /* unknown code: show it as it is */ }
      return value;
    }
    const l = LABELS[kind] && LABELS[kind][value];
    return l ? l[UI_LANGS.indexOf(state.ui)] : value;
  }

  /* Pick the UI language's text of a {fi, sv?, en?} object. */
  const ml = (o) => (o ? o[state.ui] || o.fi || '' : '');

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  /* ---- personal identity codes (the same rule as the server's) ----------- */
  const HETU = /(^|[^0-9])([0-9]{6})([-+A-FU-Ya-fu-y])([0-9]{3})([0-9A-Ya-y])(?![0-9A-Za-z])/g;
  function validHetu(date, sign, num, check) {
    const d = +date.slice(0, 2), m = +date.slice(2, 4), yy = +date.slice(4, 6);
    const s = sign.toUpperCase();
    const century = s === '+' ? 1800 : (s === '-' || (s >= 'U' && s <= 'Y')) ? 1900 : 2000;
    const dt = new Date(Date.UTC(century + yy, m - 1, d));
    if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return false;
    return '0123456789ABCDEFHJKLMNPRSTUVWXY'[+(date + num) % 31] === check.toUpperCase();
  }
  const removeHetu = (text) =>
    text.replace(HETU, (all, pre, date, sign, num, check) => (validHetu(date, sign, num, check) ? pre : all));

  /* ---- URL state ----------------------------------------------------------- */
  function stateToHash() {
    const p = new URLSearchParams();
    const q = $('need').value.trim();
    if (q) p.set('q', q);
    for (const f of FACETS) if (state.filters[f].size) p.set(f, [...state.filters[f]].join(','));
    if ($('limit').value !== '10') p.set('limit', $('limit').value);
    if ($('group').checked) p.set('group', '1');
    return p.toString();
  }

  function writeHash(push) {
    const h = stateToHash();
    if (('#' + h) === location.hash || (!h && !location.hash)) return;
    state.writtenHash = h;
    const url = location.pathname + (h ? '#' + h : '');
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    $('need').value = p.get('q') || '';
    for (const f of FACETS) {
      state.filters[f] = new Set((p.get(f) || '').split(',').filter(Boolean));
    }
    const limit = p.get('limit');
    $('limit').value = ['5', '10', '20', '50'].includes(limit) ? limit : '10';
    $('group').checked = p.get('group') === '1';
  }

  /* ---- talking to the server ----------------------------------------------- */
  class ApiError extends Error {
    constructor(status, code, message) {
      super(message || `HTTP ${status}`);
      this.status = status;
      this.code = code;
    }
  }

  /* A server started with --token-file wants a bearer token for feedback:
   * asked once per browser session and kept only for that session. */
  const TOKEN_KEY = 'kohtaanto-token';
  function withToken(options) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) return options;
    return Object.assign({}, options, {
      headers: Object.assign({}, options.headers, { Authorization: `Bearer ${token}` }) });
  }

  async function authorizedApi(path, options) {
    try {
      return await api(path, withToken(options));
    } catch (err) {
      if (err.status !== 401) throw err;
      const token = (window.prompt(t('tokenPrompt')) || '').trim();
      if (!token) throw err;
      sessionStorage.setItem(TOKEN_KEY, token);
      try {
        return await api(path, withToken(options));
      } catch (again) {
        if (again.status === 401) sessionStorage.removeItem(TOKEN_KEY);
        throw again;
      }
    }
  }

  async function api(path, options) {
    const res = await fetch(path, Object.assign({ headers: { Accept: 'application/json' } }, options));
    let body = null;
    try { body = await res.json(); } catch (_) { /* not JSON */ }
    if (!res.ok) {
      const e = body && body.error ? body.error : {};
      throw new ApiError(res.status, e.code, e.message);
    }
    return body;
  }

  function filterQuery() {
    const p = new URLSearchParams();
    for (const f of FACETS) for (const v of state.filters[f]) p.append(f, v);
    return p.toString();
  }

  function showError(prefix, err) {
    const box = $('error');
    box.textContent = `${prefix}: ${err.message}`;
    box.hidden = false;
  }

  function showNotice(text) {
    const box = $('notice');
    box.textContent = text || '';
    box.hidden = !text;
  }

  /* ---- search and browse ---------------------------------------------------- */
  async function refresh(push) {
    const seq = ++state.seq;
    $('error').hidden = true;
    const text = $('need').value;
    const browsing = !text.trim();
    writeHash(push);
    updateFilterBadge();
    const facetsP = api('/api/services' + (filterQuery() ? '?' + filterQuery() : ''));
    let doc = null;
    if (!browsing) {
      $('status').textContent = t('searching');
      $('search-button').disabled = true;
      const filters = {};
      for (const f of FACETS) if (state.filters[f].size) filters[f] = [...state.filters[f]];
      try {
        doc = await api('/api/search', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ text, limit: +$('limit').value, filters, explain: true,
            group_by_need: $('group').checked }),
        });
      } catch (err) {
        if (seq === state.seq) {
          $('search-button').disabled = false;
          $('status').textContent = '';
          showError(t('error'), err);
        }
        return;
      }
    }
    let browse = null;
    try { browse = await facetsP; } catch (err) { if (seq === state.seq) showError(t('loadError'), err); }
    if (seq !== state.seq) return; // a newer search has started
    $('search-button').disabled = false;
    state.doc = doc;
    if (browse) state.browse = browse;
    if (doc && doc.redacted > 0) {
      // The server searched without the code; keep it out of the page and the URL too.
      $('need').value = removeHetu($('need').value);
      writeHash(false);
      showNotice(t('redacted')(doc.redacted));
    } else {
      showNotice('');
    }
    render();
  }

  function render() {
    renderFacets();
    if (state.doc) renderResults(state.doc);
    else renderBrowse();
  }

  function renderFacets() {
    if (!state.browse) return;
    for (const fs of document.querySelectorAll('#filters fieldset[data-facet]')) {
      const facet = fs.dataset.facet;
      const box = fs.querySelector('.options');
      box.replaceChildren();
      const values = state.browse.facets[facet] || [];
      // Selected values stay visible even if the index no longer has them.
      const seen = new Set(values.map((v) => v.value));
      const all = values.concat([...state.filters[facet]].filter((v) => !seen.has(v)).map((v) => ({ value: v, count: 0 })));
      for (const v of all) {
        const input = el('input', { type: 'checkbox', name: facet, value: v.value });
        input.checked = state.filters[facet].has(v.value);
        input.addEventListener('change', () => {
          if (input.checked) state.filters[facet].add(v.value);
          else state.filters[facet].delete(v.value);
          state.showAll = false;
          refresh(true);
        });
        box.append(el('label', { class: v.count ? null : 'zero', 'data-value': v.value }, input,
          el('span', { text: label(facet, v.value) }), el('span', { class: 'count', text: String(v.count) })));
      }
    }
  }

  function updateFilterBadge() {
    const n = FACETS.reduce((s, f) => s + state.filters[f].size, 0);
    $('filter-count').textContent = String(n);
    $('filter-count').hidden = n === 0;
  }

  /* The snippet with <mark> around the highlighted byte ranges. */
  function highlighted(snippet, highlights) {
    const frag = document.createDocumentFragment();
    const bytes = new TextEncoder().encode(snippet);
    const dec = new TextDecoder('utf-8');
    let pos = 0;
    const spans = (highlights || [])
      .filter((h) => Array.isArray(h) && h[0] >= 0 && h[1] <= bytes.length && h[0] < h[1])
      .sort((a, b) => a[0] - b[0]);
    for (const [s, e] of spans) {
      if (s < pos) continue; // overlapping range: keep the first
      if (s > pos) frag.append(dec.decode(bytes.subarray(pos, s)));
      frag.append(el('mark', { text: dec.decode(bytes.subarray(s, e)) }));
      pos = e;
    }
    if (pos < bytes.length) frag.append(dec.decode(bytes.subarray(pos)));
    return frag;
  }

  function resultCard(r) {
    const why = el('details', { class: 'why' }, el('summary', { text: t('why') }));
    if (r.matches && r.matches.length) {
      const ul = el('ul', { class: 'matches', 'aria-label': t('matched') });
      for (const m of r.matches) {
        const fields = (m.fields || []).map((f) => t('fields')[f] || f).join(', ');
        ul.append(el('li', { class: 'match' },
          el('b', { class: 'word', text: m.word }),
          m.term && m.term !== m.word ? ` → ${m.term}` : '',
          fields ? ` (${fields})` : '',
          typeof m.weight === 'number' ? el('span', { class: 'share', text: m.weight < 0.005 ? ' <1 %' : ` ${Math.round(m.weight * 100)} %` }) : null,
          m.concept ? el('span', { class: 'via', text: ` – ${t('via')} “${m.concept}”` }) : null));
      }
      why.append(el('p', { class: 'small muted', text: t('matched') }), ul);
    }
    if (r.effects && r.effects.length) {
      const ul = el('ul', { class: 'effects' });
      for (const e of r.effects) {
        ul.append(el('li', { class: 'effect ' + (e.factor >= 1 ? 'up' : 'down') },
          el('b', { text: e.signal }), `: ${e.reason} (×${Number(e.factor).toFixed(2)})`));
      }
      why.append(el('p', { class: 'small muted', text: t('effects') }), ul);
    }
    const card = el('article', { class: 'card result', 'data-id': r.id, 'data-category': r.category },
      el('h3', null, el('span', { class: 'rank', text: `${r.rank}.` }),
        el('a', { href: '#', class: 'name', text: r.name, onclick: (ev) => { ev.preventDefault(); openDetail(r.id, ev.target); } })),
      el('p', { class: 'meta', text: [r.provider, label('category', r.category)].filter(Boolean).join(' · ') }),
      r.summary ? el('p', { class: 'summary', text: r.summary }) : null,
      r.snippet ? el('p', { class: 'snippet' }, highlighted(r.snippet, r.highlights)) : null,
      why,
      el('button', { type: 'button', class: 'secondary details-button', text: t('details'),
        onclick: (ev) => openDetail(r.id, ev.target) }),
      feedbackBar(r.id));
    return card;
  }

  /* Counsellor's feedback on a result: the server keeps only the need's
   * catalogue-vocabulary features, never the text. */
  function feedbackBar(id) {
    const status = el('span', { class: 'small muted fb-status', role: 'status' });
    const send = async (kind, reason) => {
      try {
        await authorizedApi('/api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(Object.assign({ text: $('need').value, service: id, kind }, reason ? { reason } : {})) });
        status.textContent = t('fbThanks');
      } catch (err) {
        status.textContent = `${t('error')}: ${err.message || err}`;
      }
    };
    const reasons = el('select', { class: 'fb-reason', 'aria-label': t('fbNotSuitable') },
      el('option', { value: '', text: t('fbNotSuitable') }),
      ...Object.entries(t('fbReasons')).map(([k, v]) => el('option', { value: k, text: v })));
    reasons.addEventListener('change', () => { if (reasons.value) send('not_suitable', reasons.value); });
    return el('div', { class: 'feedback' },
      el('button', { type: 'button', class: 'secondary fb-referred', text: t('fbReferred'), onclick: () => send('referred') }),
      el('button', { type: 'button', class: 'secondary fb-useful', text: t('fbUseful'), onclick: () => send('useful') }),
      reasons, status);
  }

  function renderResults(doc) {
    const list = $('result-list');
    list.replaceChildren();
    $('more').hidden = true;
    const results = doc.results || [];
    $('status').textContent = results.length ? t('found')(results.length, doc.matches) : t('noResults');

    const chips = $('signals');
    chips.replaceChildren();
    if (doc.signals && doc.signals.length) {
      chips.append(el('span', { class: 'label', text: t('signals') }));
      for (const s of doc.signals) chips.append(el('span', { class: 'chip signal', text: s.label }));
    }
    if (doc.needs && doc.needs.length && !$('group').checked) {
      chips.append(el('span', { class: 'label', text: t('needs') }));
      for (const n of doc.needs) chips.append(el('span', { class: 'chip need', text: n.label }));
    }
    chips.hidden = !chips.childElementCount;

    if ($('group').checked && doc.needs && doc.needs.length) {
      const placed = new Set();
      for (const n of doc.needs) {
        const ranks = (n.ranks || []).filter((k) => results[k - 1]);
        if (!ranks.length) continue;
        list.append(el('h3', { class: 'group-heading', text: n.label }));
        for (const k of ranks) { list.append(resultCard(results[k - 1])); placed.add(k); }
      }
      const rest = results.filter((r) => !placed.has(r.rank));
      if (rest.length) {
        list.append(el('h3', { class: 'group-heading', text: t('otherResults') }));
        for (const r of rest) list.append(resultCard(r));
      }
    } else {
      for (const r of results) list.append(resultCard(r));
    }
  }

  function renderBrowse() {
    const list = $('result-list');
    list.replaceChildren();
    $('signals').hidden = true;
    const b = state.browse;
    if (!b) return;
    $('status').textContent = t('browse')(b.count, b.total);
    const shown = state.showAll ? b.services : b.services.slice(0, BROWSE_PAGE);
    for (const s of shown) {
      list.append(el('article', { class: 'card service', 'data-id': s.id, 'data-category': s.category },
        el('h3', null, el('a', { href: '#', class: 'name', text: ml(s.name),
          onclick: (ev) => { ev.preventDefault(); openDetail(s.id, ev.target); } })),
        el('p', { class: 'meta', text: [s.provider && s.provider.name, label('category', s.category)].filter(Boolean).join(' · ') }),
        el('p', { class: 'summary', text: ml(s.summary) })));
    }
    $('more').hidden = shown.length >= b.services.length;
  }

  /* ---- service detail ------------------------------------------------------- */
  async function openDetail(id, from) {
    state.detailReturn = from || document.activeElement;
    let rec;
    try {
      rec = await api('/api/services/' + encodeURIComponent(id));
    } catch (err) {
      showError(t('loadError'), err);
      return;
    }
    $('detail-name').textContent = ml(rec.name);
    $('detail-provider').textContent = [rec.provider && rec.provider.name, label('category', rec.category)].filter(Boolean).join(' · ');
    $('detail-summary').textContent = ml(rec.summary);
    const desc = $('detail-description');
    desc.replaceChildren();
    for (const para of ml(rec.description).split(/\n\s*\n/)) if (para.trim()) desc.append(el('p', { text: para.trim() }));

    const facts = $('detail-facts');
    facts.replaceChildren();
    const fact = (key, value) => {
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return;
      facts.append(el('dt', { text: t(key) }), el('dd', { text: Array.isArray(value) ? value.join(', ') : value }));
    };
    fact('f_target', ml(rec.target_description));
    fact('f_requirements', ml(rec.requirements));
    fact('f_referral', ml(rec.referral));
    fact('f_cost', rec.cost);
    fact('f_languages', (rec.languages || []).map((l) => label('language', l)));
    fact('f_municipalities', (rec.municipalities || []).map((m) => label('municipality', m)));
    fact('f_delivery', (rec.delivery || []).map((d) => label('delivery', d)));
    if (rec.age && (rec.age.min !== undefined || rec.age.max !== undefined)) {
      const parts = [];
      if (rec.age.min !== undefined) parts.push(`${t('ageFrom')} ${rec.age.min} ${t('years')}`);
      if (rec.age.max !== undefined) parts.push(`${t('ageTo')} ${rec.age.max} ${t('years')}`);
      fact('f_age', parts.join(', '));
    }
    fact('f_finnish', rec.finnish_level);
    fact('f_keywords', rec.keywords ? rec.keywords[state.ui] || rec.keywords.fi : null);
    fact('f_updated', rec.updated);

    const rel = $('detail-related');
    rel.replaceChildren();
    if (rec.related && rec.related.length) {
      const p = el('p', { class: 'related' }, el('b', { text: t('f_related') + ': ' }));
      for (const rid of rec.related) {
        p.append(el('a', { href: '#', text: rid, onclick: (ev) => { ev.preventDefault(); openDetail(rid, state.detailReturn); } }));
      }
      rel.append(p);
    }
    $('detail').hidden = false;
    document.body.style.overflow = 'hidden';
    $('detail-name').focus();
  }

  function closeDetail() {
    if ($('detail').hidden) return;
    $('detail').hidden = true;
    document.body.style.overflow = '';
    if (state.detailReturn && state.detailReturn.focus) state.detailReturn.focus();
  }

  /* ---- language ---------------------------------------------------------------- */
  function setLanguage(lang) {
    state.ui = UI_LANGS.includes(lang) ? lang : 'fi';
    try { localStorage.setItem('kohtaanto.ui', state.ui); } catch (_) { /* private mode */ }
    document.documentElement.lang = state.ui;
    for (const e of document.querySelectorAll('[data-i18n]')) {
      const v = t(e.dataset.i18n);
      if (typeof v === 'string') e.textContent = v;
    }
    for (const e of document.querySelectorAll('[data-i18n-placeholder]')) e.placeholder = t(e.dataset.i18nPlaceholder);
    for (const e of document.querySelectorAll('[data-i18n-aria]')) e.setAttribute('aria-label', t(e.dataset.i18nAria));
    for (const b of document.querySelectorAll('.langs button')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.ui));
    render();
  }

  async function showVersion() {
    try {
      const v = await api('/api/version');
      const built = v.index && v.index.built_at ? v.index.built_at.replace('T', ' ').replace(/:\d\dZ$/, ' UTC') : '';
      $('version').textContent = `· ${t('version')} ${v.version}` + (built ? ` · ${t('indexBuilt')} ${built}` : '');
    } catch (_) { /* the footer is optional */ }
  }

  /* ---- wiring --------------------------------------------------------------------- */
  function init() {
    let saved = null;
    try { saved = localStorage.getItem('kohtaanto.ui'); } catch (_) { /* private mode */ }
    state.ui = UI_LANGS.includes(saved) ? saved : 'fi';
    $('filters').open = window.matchMedia('(min-width: 761px)').matches;

    $('search-form').addEventListener('submit', (ev) => { ev.preventDefault(); refresh(true); });
    $('need').addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); refresh(true); }
    });
    $('limit').addEventListener('change', () => { if ($('need').value.trim()) refresh(true); });
    $('group').addEventListener('change', () => { if ($('need').value.trim()) refresh(true); });
    $('clear-filters').addEventListener('click', () => {
      for (const f of FACETS) state.filters[f].clear();
      refresh(true);
    });
    $('more').addEventListener('click', () => { state.showAll = true; renderBrowse(); });
    $('share').addEventListener('click', async () => {
      writeHash(false);
      try {
        await navigator.clipboard.writeText(location.href);
        showNotice(t('shared'));
      } catch (_) {
        showNotice(t('shareManual'));
      }
    });
    for (const b of document.querySelectorAll('.langs button')) b.addEventListener('click', () => { setLanguage(b.dataset.lang); showVersion(); });
    $('detail-close').addEventListener('click', closeDetail);
    $('detail').addEventListener('click', (ev) => { if (ev.target === $('detail')) closeDetail(); });
    document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') closeDetail(); });
    // Back, forward and pasted links: follow the fragment unless this page wrote it.
    const follow = () => {
      const h = location.hash.slice(1);
      if (h === state.writtenHash) return;
      state.writtenHash = h;
      readHash();
      refresh(false);
    };
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);

    readHash();
    setLanguage(state.ui);
    showVersion();
    refresh(false);
    if (!$('need').value) $('need').focus();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
