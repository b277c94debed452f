/*
 * app.js — the counsellor's search page. Plain DOM, no framework, no
 * requests anywhere but this server's /api. Everything from the server is
 * put on the page as text nodes (never as HTML); highlights are built from
 * the byte ranges the API gives, converted to string positions through the
 * snippet's UTF-8 bytes.
 *
 * Privacy: the need text (the note) lives only in the text box and in this
 * script's memory. It is never written to the URL, to browser storage or to
 * any log: the URL fragment carries the filters, the view and the own list's
 * service ids only, so a copied link shares no note. The own list (the
 * services chosen in the meeting) is kept in memory and in that fragment,
 * never on the server. Feedback marks are held on the page while they can
 * still be changed, and sent (one per result) when the search is left.
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
      delivery: 'Toteutustapa', provider_type: 'Järjestäjän tyyppi', fee: 'Maksu asiakkaalle',
      finnish_level: 'Asiakkaan suomen kieli', ageFilter: 'Asiakkaan ikä',
      countsNoteSearch: 'Luvut: hakuun osuneet palvelut muiden rajausten kanssa.',
      scaleCount: (n) => `${n} osumaa`,
      searching: 'Haetaan…', noResults: 'Ei osuvia palveluita. Kokeile kuvata tarve toisin sanoin tai poista rajauksia.',
      found: (n, m) => `${n} parasta osumaa (${m} palvelua osui hakuun)`,
      browse: (n, total) => `${n} / ${total} palvelua luettelossa. Kirjoita tarve yllä olevaan kenttään.`,
      why: 'Miksi tämä?', matched: 'Osuneet sanat', effects: 'Tilanteen vaikutus',
      via: 'käsitteen kautta', details: 'Näytä tiedot', signals: 'Tunnistettu:', needs: 'Tarpeet:', context: 'Taustaa (ei tarve):',
      otherResults: 'Muut osumat',
      redacted: (n) => `Hakutekstistä poistettiin ${n === 1 ? 'henkilötunnus' : n + ' henkilötunnusta'} ennen hakua.`,
      error: 'Haku epäonnistui', loadError: 'Tietojen haku epäonnistui',
      f_description: 'Kuvaus', f_target: 'Kenelle', f_requirements: 'Ehdot', f_referral: 'Ohjaus ja hakeminen',
      f_cost: 'Hinta', f_languages: 'Kielet', f_municipalities: 'Kunnat', f_delivery: 'Toteutus',
      f_age: 'Ikä', f_finnish: 'Suomen kielen taito', f_keywords: 'Avainsanat', f_updated: 'Päivitetty',
      f_related: 'Liittyvät palvelut', years: 'v', ageFrom: 'vähintään', ageTo: 'enintään',
      fields: { name: 'nimi', summary: 'tiivistelmä', description: 'kuvaus', keywords: 'avainsanat',
        target: 'kohderyhmä', conditions: 'ehdot', provider: 'järjestäjä' },
      roles: { background: 'taustaa: painaa vähemmän', goal: 'tavoite' },
      weak: 'Heikko osuma',
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
      delivery: 'Genomförande', provider_type: 'Typ av anordnare', fee: 'Avgift för kunden',
      finnish_level: 'Kundens finska', ageFilter: 'Kundens ålder',
      countsNoteSearch: 'Siffror: tjänster som matchade sökningen, med de andra avgränsningarna.',
      scaleCount: (n) => `${n} träffar`,
      searching: 'Söker…', noResults: 'Inga passande tjänster. Beskriv behovet med andra ord eller ta bort avgränsningar.',
      found: (n, m) => `${n} bästa träffar (${m} tjänster matchade)`,
      browse: (n, total) => `${n} / ${total} tjänster i katalogen. Skriv behovet i fältet ovan.`,
      why: 'Varför?', matched: 'Matchande ord', effects: 'Situationens inverkan',
      via: 'via begreppet', details: 'Visa uppgifter', signals: 'Identifierat:', needs: 'Behov:', context: 'Bakgrund (inget behov):',
      otherResults: 'Övriga träffar',
      redacted: (n) => `${n === 1 ? 'En personbeteckning' : n + ' personbeteckningar'} togs bort ur söktexten före sökningen.`,
      error: 'Sökningen misslyckades', loadError: 'Uppgifterna kunde inte hämtas',
      f_description: 'Beskrivning', f_target: 'För vem', f_requirements: 'Villkor', f_referral: 'Hänvisning och ansökan',
      f_cost: 'Pris', f_languages: 'Språk', f_municipalities: 'Kommuner', f_delivery: 'Genomförande',
      f_age: 'Ålder', f_finnish: 'Kunskaper i finska', f_keywords: 'Nyckelord', f_updated: 'Uppdaterad',
      f_related: 'Relaterade tjänster', years: 'år', ageFrom: 'minst', ageTo: 'högst',
      fields: { name: 'namn', summary: 'sammanfattning', description: 'beskrivning', keywords: 'nyckelord',
        target: 'målgrupp', conditions: 'villkor', provider: 'anordnare' },
      roles: { background: 'bakgrund: väger mindre', goal: 'mål' },
      weak: 'Svag träff',
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
      delivery: 'Delivery', provider_type: 'Provider type', fee: 'Fee for the client',
      finnish_level: "Client's Finnish", ageFilter: "Client's age",
      countsNoteSearch: 'Counts: services that matched the search, with the other filters.',
      scaleCount: (n) => `${n} matches`,
      searching: 'Searching…', noResults: 'No matching services. Try describing the need in other words or clear filters.',
      found: (n, m) => `${n} best matches (${m} services matched)`,
      browse: (n, total) => `${n} / ${total} services in the catalogue. Describe the need above to search.`,
      why: 'Why this?', matched: 'Matched words', effects: "The situation's effect",
      via: 'through the concept', details: 'Show details', signals: 'Recognised:', needs: 'Needs:', context: 'Background (not a need):',
      otherResults: 'Other matches',
      redacted: (n) => `${n === 1 ? 'A personal identity code was' : n + ' personal identity codes were'} removed from the text before searching.`,
      error: 'Search failed', loadError: 'Could not load the details',
      f_description: 'Description', f_target: 'For whom', f_requirements: 'Requirements', f_referral: 'Referral and applying',
      f_cost: 'Cost', f_languages: 'Languages', f_municipalities: 'Municipalities', f_delivery: 'Delivery',
      f_age: 'Age', f_finnish: 'Finnish skills', f_keywords: 'Keywords', f_updated: 'Updated',
      f_related: 'Related services', years: 'y', ageFrom: 'at least', ageTo: 'at most',
      fields: { name: 'name', summary: 'summary', description: 'description', keywords: 'keywords',
        target: 'target group', conditions: 'conditions', provider: 'provider' },
      roles: { background: 'background: counts less', goal: 'goal' },
      weak: 'Weak match',
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
    /* target_group: from the library's schema table (/api/schema), see label(). */
    delivery: {
      kasvokkain: ['kasvokkain', 'på plats', 'face to face'],
      'etä': ['etänä', 'på distans', 'remote'],
      verkko: ['verkossa', 'på nätet', 'online'],
      puhelin: ['puhelimessa', 'per telefon', 'by phone'],
    },
    municipality: { 'koko Suomi': ['koko Suomi', 'hela Finland', 'all of Finland'] },
    provider_type: {
      kaupunki: ['kaupunki', 'stad', 'city'], valtio: ['valtio', 'staten', 'state'],
      jarjesto: ['järjestö', 'organisation', 'NGO'], oppilaitos: ['oppilaitos', 'läroanstalt', 'school or college'],
      kela: ['Kela', 'FPA', 'Kela'], yritys: ['yritys', 'företag', 'company'],
      seurakunta: ['seurakunta', 'församling', 'parish'],
      hyvinvointialue: ['hyvinvointialue', 'välfärdsområde', 'wellbeing services county'],
    },
    /* apply.routes (catalog/README.md) */
    route: {
      itse: ['asiakas hakeutuu itse', 'kunden tar själv kontakt', 'the client contacts the service'],
      ohjaus: ['asiantuntija ohjaa', 'handläggaren hänvisar', 'a counsellor refers'],
      lahete: ['tarvitaan lähete', 'remiss behövs', 'a referral is needed'],
      hakemus: ['hakemus', 'ansökan', 'an application'],
    },
    fee: {
      maksuton: ['maksuton', 'avgiftsfri', 'free'],
      osittain: ['osittain maksuton', 'delvis avgiftsfri', 'free for some'],
      maksullinen: ['maksullinen', 'avgiftsbelagd', 'charged'],
    },
  };
  /* Plain Finnish (selkosuomi), a language of the client's handout only: its
   * words where they differ from the Finnish ones (tl() falls back to T.fi). */
  const SELKO = 'fi-x-selko';
  T[SELKO] = {
    handoutTitle: 'Palvelut sinulle', handoutIntro: 'Valitsimme nämä palvelut yhdessä. Ota yhteys palveluun.',
    f_provider: 'Kuka järjestää', f_apply: 'Näin pääset mukaan', f_delivery: 'Miten palvelu toimii',
    f_municipalities: 'Missä', inFinnish: 'ei selkokielellä',
  };
  /* Texts added with the own list, handout, comparison, feedback confirmation
   * and error explanations ([fi, sv, en] merged into T below). */
  const MORE = {
    fi: {
      newClient: 'Uusi asiakas', correctReading: 'Korjaa tulkintaa', c_age: 'Ikä', c_municipality: 'Asuinkunta', c_language: 'Kieli', c_group: 'Lisää kohderyhmä',
      c_apply: 'Hae korjatulla tulkinnalla', c_reset: 'Palauta tulkinta', c_none: '– ei asetettu –',
      setBy: 'asiantuntijan asettama', removeChip: (l) => `Poista tulkinta: ${l}`,
      skipResults: 'Siirry tuloksiin', compact: 'Tiivis lista', suggestions: 'Ehdotukset',
      privacy: 'Älä kirjoita asiakkaan nimeä. Henkilötunnukset poistetaan tekstistä ennen hakua. Teksti ei tallennu linkkiin eikä selaimeen.',
      bytes: (n, max) => `${n.toLocaleString('fi')} / ${max.toLocaleString('fi')} tavua`,
      ownList: 'Oma lista', ownEmpty: 'Lisää palveluita listalle tuloksista. Lista säilyy vain tässä välilehdessä.',
      compare: 'Vertaile', handout: 'Asiakkaan tuloste', clearList: 'Tyhjennä',
      compareHint: 'Vertailuun valitaan 2–4 palvelua omalta listalta.',
      addToList: 'Lisää listaan', inList: 'Listalla ✓', removeFrom: (n) => `Poista listalta: ${n}`,
      compareHeading: 'Palvelut rinnakkain', clientLanguage: 'Asiakkaan kieli', print: 'Tulosta',
      inFinnish: 'suomeksi', kinds: { service: 'palvelu', concept: 'käsite', provider: 'järjestäjä' },
      shown: (n) => `${n} palvelua.`, moreExist: 'Hakuun osui muitakin palveluita.', showMore: 'Näytä enemmän',
      noNeedResults: 'Tälle tarpeelle ei löytynyt palveluita näillä rajauksilla.',
      fbGroup: 'Palaute', fbWhy: 'Miksi ei sovi?', fbConfirm: 'Merkitse: ei sovi', fbCancel: 'Peruuta', fbUndo: 'Kumoa',
      fbMarked: (k) => `Merkitty: ${k}. Palaute lähtee, kun aloitat uuden haun; siihen asti voit muuttaa tai kumota sen.`,
      fbSent: 'Palaute lähetetty.', fbChoose: 'Valitse syy.',
      errTooLong: (n, max) => `Teksti on liian pitkä: ${n.toLocaleString('fi')} tavua, kun enimmäismäärä on ${max.toLocaleString('fi')} tavua. Lyhennä tekstiä ja hae uudelleen.`,
      errNetwork: 'Palvelimeen ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.',
      errUnavailable: 'Haku ei ole juuri nyt käytettävissä. Yritä hetken kuluttua uudelleen.',
      errServer: 'Palvelimella tapahtui virhe. Yritä uudelleen; jos virhe toistuu, ilmoita ylläpidolle.',
      errRequest: (code) => `Palvelin ei hyväksynyt hakua (${code}). Tarkista teksti ja rajaukset.`,
      f_provider: 'Järjestäjä', f_category: 'Palvelualue', f_groups: 'Kohderyhmät', f_apply: 'Näin haet',
      f_contact: 'Yhteystiedot', f_status: 'Tila',
      handoutTitle: 'Palvelut sinulle', handoutIntro: 'Nämä palvelut valitsimme yhdessä. Ota yhteyttä suoraan palveluun.',
      handoutEmpty: 'Omalla listalla ei ole palveluita.', printed: 'Tulostettu',
      sig: { unemployment: { long: 'pitkäaikaistyöttömyys' }, age: (v) => `ikä ${v} v`,
        language: { no_finnish: 'ei suomen kielen taitoa', finnish_basic: 'suomen kielen perustaso', en: 'englanninkielinen', sv: 'ruotsinkielinen' } },
      contactKeys: { phone: 'Puhelin', email: 'Sähköposti', web: 'Verkossa', url: 'Verkossa', address: 'Osoite', place: 'Paikka',
        hours: 'Aukiolo', how: 'Näin haet', deadline: 'Haku päättyy', starts: 'Alkaa', text: '', routes: 'Hakeutuminen' },
    },
    sv: {
      newClient: 'Ny kund', correctReading: 'Korrigera tolkningen', c_age: 'Ålder', c_municipality: 'Hemkommun', c_language: 'Språk', c_group: 'Lägg till målgrupp',
      c_apply: 'Sök med korrigerad tolkning', c_reset: 'Återställ tolkningen', c_none: '– inte angivet –',
      setBy: 'angivet av experten', removeChip: (l) => `Ta bort tolkningen: ${l}`,
      skipResults: 'Gå till resultaten', compact: 'Kompakt lista', suggestions: 'Förslag',
      privacy: 'Skriv inte kundens namn. Personbeteckningar tas bort ur texten före sökningen. Texten sparas inte i länken eller webbläsaren.',
      bytes: (n, max) => `${n.toLocaleString('sv')} / ${max.toLocaleString('sv')} byte`,
      ownList: 'Egen lista', ownEmpty: 'Lägg till tjänster från resultaten. Listan finns bara i den här fliken.',
      compare: 'Jämför', handout: 'Utskrift för kunden', clearList: 'Töm',
      compareHint: 'Välj 2–4 tjänster på den egna listan för att jämföra.',
      addToList: 'Lägg till i listan', inList: 'På listan ✓', removeFrom: (n) => `Ta bort från listan: ${n}`,
      compareHeading: 'Tjänsterna sida vid sida', clientLanguage: 'Kundens språk', print: 'Skriv ut',
      inFinnish: 'på finska', kinds: { service: 'tjänst', concept: 'begrepp', provider: 'anordnare' },
      shown: (n) => `${n} tjänster.`, moreExist: 'Fler tjänster matchade sökningen.', showMore: 'Visa fler',
      noNeedResults: 'Inga tjänster hittades för det här behovet med dessa avgränsningar.',
      fbGroup: 'Respons', fbWhy: 'Varför passar den inte?', fbConfirm: 'Markera: passar inte', fbCancel: 'Avbryt', fbUndo: 'Ångra',
      fbMarked: (k) => `Markerad: ${k}. Responsen skickas när du gör en ny sökning; tills dess kan du ändra eller ångra den.`,
      fbSent: 'Responsen skickades.', fbChoose: 'Välj en orsak.',
      errTooLong: (n, max) => `Texten är för lång: ${n.toLocaleString('sv')} byte, högst ${max.toLocaleString('sv')} byte. Förkorta texten och sök igen.`,
      errNetwork: 'Ingen kontakt med servern. Kontrollera nätverket och försök igen.',
      errUnavailable: 'Sökningen är inte tillgänglig just nu. Försök igen om en stund.',
      errServer: 'Ett fel inträffade på servern. Försök igen; om felet upprepas, meddela administratören.',
      errRequest: (code) => `Servern godtog inte sökningen (${code}). Kontrollera texten och avgränsningarna.`,
      f_provider: 'Anordnare', f_category: 'Tjänsteområde', f_groups: 'Målgrupper', f_apply: 'Så här söker du',
      f_contact: 'Kontaktuppgifter', f_status: 'Status',
      handoutTitle: 'Tjänster för dig', handoutIntro: 'Vi valde de här tjänsterna tillsammans. Kontakta tjänsten direkt.',
      handoutEmpty: 'Den egna listan är tom.', printed: 'Utskriven',
      sig: { unemployment: { long: 'långtidsarbetslöshet' }, age: (v) => `ålder ${v} år`,
        language: { no_finnish: 'inga kunskaper i finska', finnish_basic: 'grundläggande finska', en: 'engelskspråkig', sv: 'svenskspråkig' } },
      contactKeys: { phone: 'Telefon', email: 'E-post', web: 'Webb', url: 'Webb', address: 'Adress', place: 'Plats',
        hours: 'Öppettider', how: 'Så här söker du', deadline: 'Ansökan senast', starts: 'Börjar', text: '', routes: 'Vägar in' },
    },
    en: {
      newClient: 'New client', correctReading: 'Correct the reading', c_age: 'Age', c_municipality: 'Home municipality', c_language: 'Language', c_group: 'Add a target group',
      c_apply: 'Search with the corrected reading', c_reset: 'Reset the reading', c_none: '– not set –',
      setBy: 'set by the counsellor', removeChip: (l) => `Remove the reading: ${l}`,
      skipResults: 'Skip to the results', compact: 'Compact list', suggestions: 'Suggestions',
      privacy: "Do not write the client's name. Personal identity codes are removed from the text before searching. The text is kept in neither the link nor the browser.",
      bytes: (n, max) => `${n.toLocaleString('en')} / ${max.toLocaleString('en')} bytes`,
      ownList: 'Own list', ownEmpty: 'Add services to the list from the results. The list lives in this tab only.',
      compare: 'Compare', handout: 'Handout for the client', clearList: 'Clear',
      compareHint: 'Choose 2–4 services on the own list to compare.',
      addToList: 'Add to list', inList: 'On the list ✓', removeFrom: (n) => `Remove from the list: ${n}`,
      compareHeading: 'Services side by side', clientLanguage: "Client's language", print: 'Print',
      inFinnish: 'in Finnish', kinds: { service: 'service', concept: 'concept', provider: 'provider' },
      shown: (n) => `${n} services.`, moreExist: 'More services matched the search.', showMore: 'Show more',
      noNeedResults: 'No services were found for this need with these filters.',
      fbGroup: 'Feedback', fbWhy: 'Why not suitable?', fbConfirm: 'Mark: not suitable', fbCancel: 'Cancel', fbUndo: 'Undo',
      fbMarked: (k) => `Marked: ${k}. Feedback is sent when you start a new search; until then you can change or undo it.`,
      fbSent: 'Feedback sent.', fbChoose: 'Choose a reason.',
      errTooLong: (n, max) => `The text is too long: ${n.toLocaleString('en')} bytes, at most ${max.toLocaleString('en')} bytes. Shorten it and search again.`,
      errNetwork: 'Could not reach the server. Check the network connection and try again.',
      errUnavailable: 'Search is not available right now. Try again in a moment.',
      errServer: 'The server had an error. Try again; if it happens again, tell the administrators.',
      errRequest: (code) => `The server did not accept the search (${code}). Check the text and the filters.`,
      f_provider: 'Provider', f_category: 'Service area', f_groups: 'Target groups', f_apply: 'How to apply',
      f_contact: 'Contact', f_status: 'Status',
      handoutTitle: 'Services for you', handoutIntro: 'We chose these services together. Contact the service directly.',
      handoutEmpty: 'The own list is empty.', printed: 'Printed',
      sig: { unemployment: { long: 'long-term unemployment' }, age: (v) => `age ${v}`,
        language: { no_finnish: 'no Finnish', finnish_basic: 'basic Finnish', en: 'English-speaking', sv: 'Swedish-speaking' } },
      contactKeys: { phone: 'Phone', email: 'Email', web: 'Web', url: 'Web', address: 'Address', place: 'Place',
        hours: 'Opening hours', how: 'How to apply', deadline: 'Apply by', starts: 'Starts', text: '', routes: 'Ways in' },
    },
  };
  for (const l of Object.keys(MORE)) Object.assign(T[l], MORE[l]);

  const FACETS = ['category', 'target_group', 'language', 'municipality', 'delivery', 'provider_type', 'fee'];
  /* Filters on the client's own facts (Finnish level, age): like the
   * corrections, client data, so kept in memory only, never in the URL. */
  const SCALES = ['finnish_level', 'age'];
  const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
  const UI_LANGS = ['fi', 'sv', 'en'];
  const BROWSE_PAGE = 30;
  const MAX_NEED_BYTES = 65536; // KT_MAX_QUERY_BYTES: the server counts UTF-8 bytes
  const LIMITS = ['5', '10', '20', '50'];

  const $ = (id) => document.getElementById(id);
  const state = {
    ui: 'fi',
    filters: Object.fromEntries(FACETS.map((f) => [f, new Set()])),
    scale: { finnish_level: null, age: null }, // the client's Finnish level and age as filters
    doc: null,          // last search response
    searchText: '',     // the note the last search was made with (memory only, for feedback)
    browse: null,       // last /api/services response (filtered)
    schema: null,       // /api/schema: the library's code lists and target-group words
    catalog: new Map(), // id -> listing entry of every service (names and summaries in fi/sv/en)
    concepts: new Map(), // Finnish label and id -> {fi, sv?, en?} labels of the thesaurus concepts
    records: new Map(), // id -> full record, fetched on demand
    list: [],           // the own list: service ids, in the order chosen
    marks: new Map(),   // id -> {kind, reason} for the current search, not yet sent
    // The counsellor's corrections of the signals read from the note: client
    // data, so in memory only (never in the URL).
    corr: { removed: new Set(), age: null, municipality: null, language: null, groups: new Set() },
    handoutLang: null,
    showAll: false,
    writtenHash: null,  // the fragment this page wrote last
    dialogs: [],        // open dialogs, innermost last: {el, ret, pushed}
    seq: 0,
    suggestSeq: 0,
  };

  const t = (key) => (T[state.ui][key] !== undefined ? T[state.ui][key] : T.fi[key]);
  const tl = (lang, key) => {
    const L = T[lang] || T[state.ui] || T.fi;
    return L[key] !== undefined ? L[key] : T.fi[key];
  };
  const utf8Length = (s) => new TextEncoder().encode(s).length;

  function label(kind, value, lang) {
    lang = lang || state.ui;
    if (kind === 'language') {
      try {
        const name = new Intl.DisplayNames([lang], { type: 'language' }).of(value);
        if (name && name !== value) return name;
      } catch (_) { /* unknown code: show it as it is */ }
      return value;
    }
    if (kind === 'target_group') {
      // One home for a target group's words: the library's schema table.
      const v = state.schema && state.schema.vocabularies && state.schema.vocabularies.target_group;
      const c = v && v.find((x) => x.id === value);
      const w = c && (c[lang] || c.fi);
      return w ? w.charAt(0).toUpperCase() + w.slice(1) : value;
    }
    const l = LABELS[kind] && LABELS[kind][value];
    return l ? l[Math.max(0, UI_LANGS.indexOf(lang))] : value;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
    return e;
  }

  /* A {fi, sv?, en?} text in @lang: {text, finnish} (finnish: fell back). */
  function pick(o, lang) {
    lang = lang || state.ui;
    if (!o) return { text: '', finnish: false };
    if (typeof o === 'string') return { text: o, finnish: lang !== 'fi' };
    if (o[lang]) return { text: o[lang], finnish: false };
    return { text: o.fi || '', finnish: lang !== 'fi' };
  }
  const ml = (o, lang) => pick(o, lang).text;

  /* Text that may be Finnish in another language's view: marked visibly
   * ("suomeksi" / "på finska" / "in Finnish") and with lang="fi". */
  function fallbackText(text, finnish, lang, tag) {
    lang = lang || state.ui;
    const span = el(tag || 'span', finnish ? { lang: 'fi' } : null, text);
    if (!finnish || lang === 'fi') return span;
    return el('span', null, span, ' ', el('small', { class: 'fallback', text: `(${tl(lang, 'inFinnish')})` }));
  }
  const mlNode = (o, lang) => { const p = pick(o, lang); return fallbackText(p.text, p.finnish, lang); };

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

  /* ---- URL state: filters, view and the own list; never the note ---------- */
  function stateToHash() {
    const p = new URLSearchParams();
    for (const f of FACETS) if (state.filters[f].size) p.set(f, [...state.filters[f]].join(','));
    if ($('limit').value !== '10') p.set('limit', $('limit').value);
    if ($('group').checked) p.set('group', '1');
    if ($('compact').checked) p.set('view', 'compact');
    if (state.list.length) p.set('list', state.list.join(','));
    return p.toString();
  }

  function writeHash(push) {
    const h = stateToHash();
    if (('#' + h) === location.hash || (!h && !location.hash)) return;
    state.writtenHash = h;
    const url = location.pathname + (h ? '#' + h : '');
    if (push) history.pushState(null, '', url);
    else history.replaceState(history.state, '', url); // keeps an open dialog's entry
  }

  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    for (const f of FACETS) state.filters[f] = new Set((p.get(f) || '').split(',').filter(Boolean));
    const limit = p.get('limit');
    $('limit').value = LIMITS.includes(limit) ? limit : '10';
    $('group').checked = p.get('group') === '1';
    $('compact').checked = p.get('view') === 'compact';
    state.list = [...new Set((p.get('list') || '').split(',').filter((id) => /^[a-z0-9-]{1,100}$/.test(id)))];
    // A link from an older version may carry a note (q=): never read it, and drop it from history.
    if (p.has('q')) { state.writtenHash = null; writeHash(false); }
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
    let res;
    try {
      res = await fetch(path, Object.assign({ headers: { Accept: 'application/json' } }, options));
    } catch (err) {
      if (err && err.name === 'AbortError') throw err;
      throw new ApiError(0, 'network', String(err && err.message));
    }
    let body = null;
    try { body = await res.json(); } catch (_) { /* not JSON */ }
    if (!res.ok) {
      const e = body && body.error ? body.error : {};
      throw new ApiError(res.status, e.code || 'http_' + res.status, e.message);
    }
    return body;
  }
  const postJson = (path, body, extra) => api(path, Object.assign({ method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) }, extra));

  /* An error explained in the interface language (the server's message is English). */
  function explain(err, bytes) {
    if (err.code === 'too_large' && bytes) return t('errTooLong')(bytes, MAX_NEED_BYTES);
    if (err.status === 0) return t('errNetwork');
    if (err.status === 503) return t('errUnavailable');
    if (err.status >= 500) return t('errServer');
    return t('errRequest')(err.code || err.status);
  }

  function filterQuery() {
    const p = new URLSearchParams();
    for (const f of FACETS) for (const v of state.filters[f]) p.append(f, v);
    for (const f of SCALES) if (state.scale[f] !== null) p.set(f, String(state.scale[f]));
    return p.toString();
  }

  function showError(text) {
    const box = $('error');
    box.textContent = text || '';
    box.hidden = !text;
  }

  function showNotice(text) {
    const box = $('notice');
    box.textContent = text || '';
    box.hidden = !text;
  }

  function updateBytes() {
    const n = utf8Length($('need').value);
    const box = $('need-bytes');
    box.textContent = t('bytes')(n, MAX_NEED_BYTES);
    box.classList.toggle('over', n > MAX_NEED_BYTES);
    return n;
  }

  /* ---- search and browse ---------------------------------------------------- */
  function clearResults() {
    state.doc = null;
    $('result-list').replaceChildren();
    $('signals').replaceChildren();
    $('signals').hidden = true;
    $('correct').hidden = true;
    $('more').hidden = true;
    $('status').textContent = '';
  }

  /* @keep: the same search again in another language: the marks made on it stay. */
  async function refresh(push, keep) {
    const seq = ++state.seq;
    showError('');
    const text = $('need').value;
    const browsing = !text.trim();
    writeHash(push);
    updateFilterBadge();
    keep = keep && state.doc && text === state.searchText;
    if (!keep) sendMarks();
    const facetsP = api('/api/services' + (filterQuery() ? '?' + filterQuery() : ''));
    let doc = null;
    if (!browsing) {
      const bytes = updateBytes();
      if (bytes > MAX_NEED_BYTES) {
        clearResults();
        showError(t('errTooLong')(bytes, MAX_NEED_BYTES));
        facetsP.catch(() => {});
        return;
      }
      $('status').textContent = t('searching');
      $('search-button').disabled = true;
      const filters = {};
      for (const f of FACETS) if (state.filters[f].size) filters[f] = [...state.filters[f]];
      for (const f of SCALES) if (state.scale[f] !== null) filters[f] = [String(state.scale[f])];
      try {
        // counts: the filters' counts over what this search matched; lang: the explanations' language.
        const body = { text, limit: +$('limit').value, filters, explain: true, group_by_need: $('group').checked,
          counts: true, lang: state.ui };
        const c = correctionsBody();
        if (c) body.corrections = c;
        doc = await postJson('/api/search', body);
      } catch (err) {
        facetsP.catch(() => {});
        if (seq === state.seq) {
          $('search-button').disabled = false;
          clearResults();
          showError(`${t('error')}: ${explain(err, utf8Length(text))}`);
        }
        return;
      }
    }
    let browse = null;
    try { browse = await facetsP; } catch (err) { if (seq === state.seq) showError(`${t('loadError')}: ${explain(err)}`); }
    if (seq !== state.seq) return; // a newer search has started
    $('search-button').disabled = false;
    state.doc = doc;
    state.searchText = doc ? text : '';
    if (!keep) state.marks = new Map();
    if (browse) state.browse = browse;
    if (doc && doc.redacted > 0) {
      // The server searched without the code; keep it out of the page too.
      $('need').value = removeHetu($('need').value);
      state.searchText = removeHetu(state.searchText);
      updateBytes();
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
    renderOwnList();
  }

  /* The filters' counts: over what the search matched, or over the catalogue when browsing. */
  function renderFacets() {
    const counts = state.doc && state.doc.facets ? state.doc.facets : state.browse && state.browse.facets;
    if (!counts) return;
    $('counts-note').textContent = t(state.doc && state.doc.facets ? 'countsNoteSearch' : 'countsNote');
    renderScales(counts);
    for (const fs of document.querySelectorAll('#filters fieldset[data-facet]')) {
      const facet = fs.dataset.facet;
      const box = fs.querySelector('.options');
      box.replaceChildren();
      const values = counts[facet] || [];
      // Selected values stay visible even if the index no longer has them.
      const seen = new Set(values.map((v) => v.value));
      const all = values.concat([...state.filters[facet]].filter((v) => !seen.has(v)).map((v) => ({ value: v, count: 0 })));
      for (const v of all) {
        // A value no service would have with the other filters is left out, unless chosen.
        if (!v.count && !state.filters[facet].has(v.value)) continue;
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

  /* The client's Finnish level (a list of levels, each with what it opens) and age. */
  function renderScales(counts) {
    const sel = $('f-finnish_level');
    const byLevel = new Map((counts.finnish_level || []).map((v) => [v.value, v.count]));
    sel.replaceChildren(el('option', { value: '', text: t('c_none') }),
      ...LEVELS.map((l) => el('option', { value: l, text: byLevel.has(l) ? `${l} (${byLevel.get(l)})` : l })));
    sel.value = state.scale.finnish_level || '';
    if (document.activeElement !== $('f-age')) $('f-age').value = state.scale.age === null ? '' : String(state.scale.age);
    const age = (counts.age || [])[0];
    $('f-age-count').textContent = age && state.scale.age !== null ? t('scaleCount')(age.count) : '';
  }

  function updateFilterBadge() {
    const n = FACETS.reduce((s, f) => s + state.filters[f].size, 0) + SCALES.filter((f) => state.scale[f] !== null).length;
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

  /* The library's mark after a signal the counsellor set, per language of the explanations. */
  const SET_BY = { fi: ' (asiantuntija)', sv: ' (handläggaren)', en: ' (counsellor)' };
  const docLang = () => (state.doc && state.doc.lang) || 'fi';
  const setByCounsellor = (s) => (s.corrected !== undefined ? s.corrected : s.label.endsWith(SET_BY.fi));

  /* A need signal's label: the engine gives it in the language the search
   * asked for (the page asks in its own; a language switch searches again). */
  function signalLabel(s) {
    const mark = SET_BY[docLang()] || SET_BY.fi;
    const text = setByCounsellor(s) && s.label.endsWith(mark) ? s.label.slice(0, -mark.length) : s.label;
    return { text, finnish: docLang() !== state.ui };
  }

  /* A thesaurus concept's label (found by id or Finnish label) in the interface language. */
  function conceptNode(id, fiLabel) {
    const l = state.concepts.get(id) || state.concepts.get(fiLabel);
    const p = l ? pick(l) : { text: fiLabel, finnish: state.ui !== 'fi' };
    return fallbackText(p.text, p.finnish);
  }

  /* ---- correctable reading ---------------------------------------------------- */
  function correctionsBody() {
    const c = state.corr, body = {};
    if (c.removed.size) body.removed = [...c.removed];
    if (c.age !== null) body.age = c.age;
    if (c.municipality) body.municipality = c.municipality;
    if (c.language) body.language = c.language;
    if (c.groups.size) body.target_groups = [...c.groups];
    return Object.keys(body).length ? body : null;
  }

  /* Remove a chip: a reading from the note is ignored, a setting of the counsellor undone. */
  function removeSignal(s) {
    const c = state.corr;
    if (setByCounsellor(s)) {
      if (s.kind === 'age') c.age = null;
      else if (s.kind === 'municipality') c.municipality = null;
      else if (s.kind === 'language') c.language = null;
      else if (s.kind === 'target_group' && c.groups.has(s.value)) c.groups.delete(s.value);
      else c.removed.add(`${s.kind}:${s.value}`);
    } else {
      c.removed.add(`${s.kind}:${s.value}`);
    }
    refresh(false).then(() => $('results-heading').focus());
  }

  function renderCorrectForm() {
    const c = state.corr;
    $('c-age').value = c.age === null ? '' : String(c.age);
    $('c-municipality').value = c.municipality || '';
    const lang = $('c-language');
    lang.replaceChildren(el('option', { value: '', text: t('c_none') }),
      ...codes('client_language').map((v) => el('option', { value: v, text: t('sig').language[v] || v })));
    lang.value = c.language || '';
    const grp = $('c-group');
    grp.replaceChildren(el('option', { value: '', text: t('c_none') }),
      ...codes('target_group').filter((g) => g !== 'kaikki').map((g) => el('option', { value: g, text: label('target_group', g) })));
    grp.value = '';
    const munis = $('c-municipalities');
    munis.replaceChildren(...((state.browse && state.browse.facets.municipality) || [])
      .filter((m) => m.value !== 'koko Suomi').map((m) => el('option', { value: m.value })));
  }

  function applyCorrections() {
    const c = state.corr;
    const age = $('c-age').value.trim();
    c.age = age === '' ? null : Math.max(0, Math.min(120, parseInt(age, 10) || 0));
    c.municipality = $('c-municipality').value.trim() || null;
    c.language = $('c-language').value || null;
    if ($('c-group').value) c.groups.add($('c-group').value);
    refresh(false);
  }

  /* The service's name and summary in the interface language, from the
   * catalogue listing; the result's (Finnish) texts when it has none. */
  function serviceTexts(id, fallbackName, fallbackSummary) {
    const c = state.catalog.get(id);
    const name = c ? pick(c.name) : { text: fallbackName || id, finnish: state.ui !== 'fi' };
    const summary = c && c.summary ? pick(c.summary) : { text: fallbackSummary || '', finnish: state.ui !== 'fi' };
    return { name, summary };
  }

  /* The own-list toggle: its visible text starts its accessible name, and the
   * service's name follows for screen readers. */
  function setListButton(b, id, name) {
    const on = state.list.includes(id);
    b.setAttribute('aria-pressed', String(on));
    b.replaceChildren(on ? t('inList') : t('addToList'), el('span', { class: 'visually-hidden', text: `: ${name}` }));
  }

  function listButton(id, name) {
    const b = el('button', { type: 'button', class: 'secondary list-toggle', 'data-id': id, onclick: () => toggleList(id) });
    setListButton(b, id, name);
    return b;
  }

  function resultCard(r) {
    const { name, summary } = serviceTexts(r.id, r.name, r.summary);
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
          m.concept ? el('span', { class: 'via' }, ` – ${t('via')} “`,
            m.concept_lang && m.concept_lang === state.ui ? m.concept : conceptNode(null, m.concept), '”') : null,
          // The word's role in the note: the client's past counts less than the goal.
          m.role && m.role !== 'situation' && t('roles')[m.role]
            ? el('span', { class: 'role role-' + m.role, text: ` [${t('roles')[m.role]}]` }) : null));
      }
      why.append(el('p', { class: 'small muted', text: t('matched') }), ul);
    }
    if (r.effects && r.effects.length) {
      const ul = el('ul', { class: 'effects' });
      const sigs = (state.doc && state.doc.signals) || [];
      for (const e of r.effects) {
        const s = sigs.find((x) => x.label === e.signal || (setByCounsellor(x) && x.label.startsWith(e.signal)));
        const sl = s ? signalLabel(s) : { text: e.signal, finnish: docLang() !== state.ui };
        ul.append(el('li', { class: 'effect ' + (e.factor >= 1 ? 'up' : 'down') },
          el('b', null, fallbackText(sl.text, sl.finnish)),
          s && setByCounsellor(s) ? el('small', { class: 'set-by', text: ` (${t('setBy')})` }) : null,
          ': ', fallbackText(e.reason, docLang() !== state.ui),
          ` (×${Number(e.factor).toFixed(2)})`));
      }
      why.append(el('p', { class: 'small muted', text: t('effects') }), ul);
    }
    const compact = $('compact').checked;
    return el('article', { class: 'card result', 'data-id': r.id, 'data-category': r.category },
      el('h3', null, el('span', { class: 'rank', text: `${r.rank}.` }),
        el('a', { href: '#', class: 'name', onclick: (ev) => { ev.preventDefault(); openDetail(r.id, ev.currentTarget); } },
          fallbackText(name.text, name.finnish))),
      el('p', { class: 'meta', text: [r.provider, label('category', r.category)].filter(Boolean).join(' · ') }),
      // Matched only by weak words, far below the best: said before the counsellor reads on.
      r.weak ? el('p', { class: 'weak small', title: r.weak }, el('b', null, t('weak')), ': ',
        fallbackText(r.weak.replace(/^heikko osuma: /, ''), true)) : null,
      !compact && summary.text ? el('p', { class: 'summary' }, fallbackText(summary.text, summary.finnish)) : null,
      !compact && r.snippet ? el('p', { class: 'snippet' }, state.ui === 'fi' ? highlighted(r.snippet, r.highlights)
        : el('span', null, el('span', { lang: 'fi' }, highlighted(r.snippet, r.highlights)), ' ',
          el('small', { class: 'fallback', text: `(${t('inFinnish')})` }))) : null,
      compact ? null : why,
      el('div', { class: 'card-actions' },
        listButton(r.id, name.text),
        compact ? null : el('button', { type: 'button', class: 'secondary details-button', text: t('details'),
          onclick: (ev) => openDetail(r.id, ev.currentTarget) })),
      compact ? null : feedbackBar(r.id));
  }

  /* ---- feedback ---------------------------------------------------------------
   * One mark per result per search, held here while it can be changed or
   * undone, and sent when the search is left (a new search, or the page is
   * closed). The server keeps only the need's catalogue-vocabulary features. */
  function sendMarks(onClose) {
    if (!state.marks.size || !state.searchText) { state.marks = new Map(); return; }
    for (const [service, m] of state.marks) {
      const body = Object.assign({ text: state.searchText, service, kind: m.kind }, m.reason ? { reason: m.reason } : {});
      if (onClose) {
        try {
          fetch('/api/feedback', withToken({ method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body) })).catch(() => {});
        } catch (_) { /* the page is going away */ }
      } else {
        // With --token-file the server asks for a bearer token: asked once per session.
        authorizedApi('/api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body) }).catch(() => { /* feedback is best effort */ });
      }
    }
    state.marks = new Map();
  }

  function feedbackBar(id) {
    const status = el('span', { class: 'small muted fb-status', role: 'status' });
    const bar = el('div', { class: 'feedback', role: 'group', 'aria-label': t('fbGroup') });
    const kindName = { referred: t('fbReferred'), useful: t('fbUseful'), not_suitable: t('fbNotSuitable').replace('…', '') };
    const buttons = {};
    const reasons = el('fieldset', { class: 'fb-reasons' }, el('legend', { text: t('fbWhy') }),
      ...Object.entries(t('fbReasons')).map(([k, v]) => el('label', null,
        el('input', { type: 'radio', name: `fb-${id}`, value: k }), ' ', v)));
    const confirmBox = el('div', { class: 'fb-confirm', hidden: true }, reasons,
      el('button', { type: 'button', class: 'primary fb-confirm-button', text: t('fbConfirm'), onclick: () => {
        const r = reasons.querySelector('input:checked');
        if (!r) { status.textContent = t('fbChoose'); return; }
        setMark({ kind: 'not_suitable', reason: r.value });
        confirmBox.hidden = true;
        buttons.not_suitable.setAttribute('aria-expanded', 'false');
        buttons.not_suitable.focus();
      } }),
      el('button', { type: 'button', class: 'secondary fb-cancel', text: t('fbCancel'), onclick: () => {
        confirmBox.hidden = true;
        buttons.not_suitable.setAttribute('aria-expanded', 'false');
        buttons.not_suitable.focus();
      } }));
    const undo = el('button', { type: 'button', class: 'link fb-undo', text: t('fbUndo'), hidden: true,
      onclick: () => { setMark(null); buttons.referred.focus(); } });
    const show = () => {
      const m = state.marks.get(id);
      for (const [k, b] of Object.entries(buttons)) b.setAttribute('aria-pressed', String(!!m && m.kind === k));
      const reason = m && m.reason ? ` (${t('fbReasons')[m.reason]})` : '';
      status.textContent = m ? t('fbMarked')(kindName[m.kind] + reason) : '';
      undo.hidden = !m;
    };
    const setMark = (m) => {
      if (m) state.marks.set(id, m);
      else state.marks.delete(id);
      show();
    };
    const toggle = (kind) => {
      const m = state.marks.get(id);
      setMark(m && m.kind === kind ? null : { kind });
    };
    buttons.referred = el('button', { type: 'button', class: 'secondary fb-referred', text: t('fbReferred'), onclick: () => toggle('referred') });
    buttons.useful = el('button', { type: 'button', class: 'secondary fb-useful', text: t('fbUseful'), onclick: () => toggle('useful') });
    buttons.not_suitable = el('button', { type: 'button', class: 'secondary fb-not', text: t('fbNotSuitable'),
      'aria-expanded': 'false', onclick: () => {
        const m = state.marks.get(id);
        if (m && m.kind === 'not_suitable') { setMark(null); return; }
        confirmBox.hidden = !confirmBox.hidden;
        buttons.not_suitable.setAttribute('aria-expanded', String(!confirmBox.hidden));
        if (!confirmBox.hidden) reasons.querySelector('input').focus();
      } });
    bar.append(buttons.referred, buttons.useful, buttons.not_suitable, undo, status, confirmBox);
    show();
    return bar;
  }

  /* ---- results ------------------------------------------------------------------ */
  function renderResults(doc) {
    const list = $('result-list');
    list.replaceChildren();
    list.classList.toggle('compact', $('compact').checked);
    $('more').hidden = true;
    const results = doc.results || [];
    const status = $('status');
    status.replaceChildren(results.length ? t('shown')(results.length) : t('noResults'));
    // The engine's match count is an estimate that moves with the limit: only say whether more exist.
    const limit = +$('limit').value;
    if (results.length >= limit && doc.matches > results.length && limit < 50) {
      status.append(' ', t('moreExist'), ' ', el('button', { type: 'button', class: 'link', id: 'show-more', text: t('showMore'),
        onclick: () => { $('limit').value = LIMITS[LIMITS.indexOf(String(limit)) + 1] || '50'; refresh(false); } }));
    }

    const chips = $('signals');
    chips.replaceChildren();
    if (doc.signals && doc.signals.length) {
      chips.append(el('span', { class: 'label', text: t('signals') }));
      for (const s of doc.signals) {
        const l = signalLabel(s);
        chips.append(el('span', { class: 'chip signal' + (setByCounsellor(s) ? ' set' : ''), 'data-kind': s.kind, 'data-value': s.value },
          fallbackText(l.text, l.finnish),
          setByCounsellor(s) ? el('small', { class: 'set-by', text: ` (${t('setBy')})` }) : null,
          el('button', { type: 'button', class: 'chip-remove', title: t('removeChip')(l.text), onclick: () => removeSignal(s) },
            el('span', { 'aria-hidden': 'true', text: '×' }), el('span', { class: 'visually-hidden', text: t('removeChip')(l.text) }))));
      }
    }
    if (doc.needs && doc.needs.length && !$('group').checked) {
      // Needs first; then what the note names only of the past or of another
      // person: read, but context, not a need.
      for (const bg of [false, true]) {
        const these = doc.needs.filter((n) => (n.role === 'background') === bg);
        if (!these.length) continue;
        chips.append(el('span', { class: 'label', text: t(bg ? 'context' : 'needs') }));
        for (const n of these) chips.append(el('span', { class: 'chip need' + (bg ? ' need-context' : ''), 'data-id': n.id }, conceptNode(n.id, n.label)));
      }
    }
    chips.hidden = !chips.childElementCount;
    $('correct').hidden = false;
    renderCorrectForm();

    if ($('group').checked && doc.needs && doc.needs.length) {
      // Groups by their best result; a need without results still shows, saying so.
      const groups = doc.needs.map((n) => ({ n, ranks: (n.ranks || []).filter((k) => results[k - 1]) }));
      const best = (g) => (g.ranks.length ? Math.min(...g.ranks) : Infinity);
      groups.sort((a, b) => best(a) - best(b));
      const placed = new Set();
      for (const g of groups) {
        list.append(el('h3', { class: 'group-heading', 'data-need': g.n.id }, conceptNode(g.n.id, g.n.label)));
        if (!g.ranks.length) list.append(el('p', { class: 'muted group-empty', text: t('noNeedResults') }));
        for (const k of g.ranks) { list.append(resultCard(results[k - 1])); placed.add(k); }
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
    list.classList.toggle('compact', $('compact').checked);
    $('signals').hidden = true;
    $('correct').hidden = true;
    const b = state.browse;
    if (!b) return;
    $('status').textContent = t('browse')(b.count, b.total);
    const shown = state.showAll ? b.services : b.services.slice(0, BROWSE_PAGE);
    const compact = $('compact').checked;
    for (const s of shown) {
      const name = pick(s.name), summary = pick(s.summary);
      list.append(el('article', { class: 'card service', 'data-id': s.id, 'data-category': s.category },
        el('h3', null, el('a', { href: '#', class: 'name', onclick: (ev) => { ev.preventDefault(); openDetail(s.id, ev.currentTarget); } },
          fallbackText(name.text, name.finnish))),
        el('p', { class: 'meta', text: [s.provider && s.provider.name, label('category', s.category)].filter(Boolean).join(' · ') }),
        compact ? null : el('p', { class: 'summary' }, fallbackText(summary.text, summary.finnish)),
        el('div', { class: 'card-actions' }, listButton(s.id, name.text))));
    }
    $('more').hidden = shown.length >= b.services.length;
  }

  /* ---- the own list (memory and the URL fragment only) ----------------------------- */
  function toggleList(id) {
    const i = state.list.indexOf(id);
    if (i >= 0) state.list.splice(i, 1);
    else state.list.push(id);
    writeHash(false);
    // Update the toggles in place, so focus stays where it was.
    const name = serviceTexts(id).name.text;
    for (const b of document.querySelectorAll(`.list-toggle[data-id="${CSS.escape(id)}"]`)) setListButton(b, id, name);
    renderOwnList();
  }

  function renderOwnList() {
    const ol = $('own-items');
    ol.replaceChildren();
    // Fetched ahead, so that printing (which does not wait) finds the handout's records.
    for (const id of state.list) if (!state.records.has(id)) getRecord(id).catch(() => {});
    for (const id of state.list) {
      const name = serviceTexts(id).name;
      ol.append(el('li', { 'data-id': id },
        el('a', { href: '#', onclick: (ev) => { ev.preventDefault(); openDetail(id, ev.currentTarget); } }, fallbackText(name.text, name.finnish)),
        el('button', { type: 'button', class: 'remove', title: t('removeFrom')(name.text),
          onclick: () => { toggleList(id); $('own-heading').focus(); } },
        el('span', { 'aria-hidden': 'true', text: '×' }), el('span', { class: 'visually-hidden', text: t('removeFrom')(name.text) }))));
    }
    $('own-count').textContent = String(state.list.length);
    $('own-empty').hidden = state.list.length > 0;
    const n = state.list.length;
    $('open-compare').disabled = n < 2 || n > 4;
    $('open-handout').disabled = n === 0;
    $('clear-list').disabled = n === 0;
    $('own-hint').textContent = n === 1 || n > 4 ? t('compareHint') : '';
  }

  async function getRecord(id) {
    if (state.records.has(id)) return state.records.get(id);
    const rec = await api('/api/services/' + encodeURIComponent(id));
    state.records.set(id, rec);
    return rec;
  }

  /* ---- dialogs: focus trap, Escape and Back close them ----------------------------- */
  function openDialog(box, focusEl, from) {
    const open = state.dialogs.find((d) => d.el === box);
    if (!open) {
      state.dialogs.push({ el: box, ret: from || document.activeElement });
      history.pushState({ ktDialog: box.id }, '', location.href);
      box.hidden = false;
      document.body.classList.add('has-dialog');
    }
    (focusEl || box).focus();
  }

  function closeDialog(fromHistory) {
    const d = state.dialogs.pop();
    if (!d) return;
    d.el.hidden = true;
    if (!state.dialogs.length) document.body.classList.remove('has-dialog');
    if (d.ret && d.ret.isConnected && d.ret.focus) d.ret.focus();
    // Closed with a button or Escape: take back the history entry the dialog added.
    if (!fromHistory && history.state && history.state.ktDialog === d.el.id) {
      state.skipPop = true;
      history.back();
    }
  }

  function trapFocus(ev) {
    const d = state.dialogs[state.dialogs.length - 1];
    if (!d || ev.key !== 'Tab') return;
    const items = [...d.el.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])')]
      .filter((e) => e.getClientRects().length > 0);
    if (!items.length) { ev.preventDefault(); return; }
    const first = items[0], last = items[items.length - 1];
    if (ev.shiftKey && (document.activeElement === first || !d.el.contains(document.activeElement))) { ev.preventDefault(); last.focus(); }
    else if (!ev.shiftKey && (document.activeElement === last || !d.el.contains(document.activeElement))) { ev.preventDefault(); first.focus(); }
  }

  /* A catalogue value of the kinds `contact`, `apply` and `status` may take:
   * a string, a {fi, sv, en} text, a list, or an object of labelled values. */
  function valueNode(v, lang, depth) {
    depth = depth || 0;
    if (v === null || v === undefined || depth > 3) return null;
    if (typeof v === 'string') {
      return /^https?:\/\//.test(v) ? el('a', { href: v, rel: 'noopener noreferrer', text: v }) : document.createTextNode(v);
    }
    if (typeof v === 'number') return document.createTextNode(String(v));
    if (Array.isArray(v)) {
      const span = el('span');
      v.forEach((x, i) => { if (i) span.append(el('br')); const n = valueNode(x, lang, depth + 1); if (n) span.append(n); });
      return span;
    }
    if (typeof v === 'object') {
      if (typeof v.fi === 'string') {
        // A text in languages, perhaps with its link ({fi, sv, url}).
        const node = mlNode(v, lang);
        return v.url ? el('span', null, node, ' ', valueNode(v.url, lang, depth + 1)) : node;
      }
      const span = el('span');
      const keys = tl(lang, 'contactKeys');
      Object.entries(v).forEach(([k, x], i) => {
        if (i) span.append(el('br'));
        const name = keys[k] !== undefined ? keys[k] : k;
        if (name) span.append(`${name}: `);
        const n = k === 'routes' && Array.isArray(x)
          ? document.createTextNode(x.map((r) => label('route', r, lang === SELKO ? 'fi' : lang)).join(', '))
          : valueNode(x, lang, depth + 1);
        if (n) span.append(n);
      });
      return span;
    }
    return null;
  }
  const present = (v) => (typeof Node !== 'undefined' && v instanceof Node) || v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length) &&
    !(typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).length);

  /* ---- service detail ----------------------------------------------------------------- */
  async function openDetail(id, from) {
    let rec;
    try {
      rec = await getRecord(id);
    } catch (err) {
      showError(`${t('loadError')}: ${explain(err)}`);
      return;
    }
    const name = pick(rec.name);
    $('detail-name').replaceChildren(fallbackText(name.text, name.finnish));
    $('detail-provider').textContent = [rec.provider && rec.provider.name, label('category', rec.category)].filter(Boolean).join(' · ');
    $('detail-summary').replaceChildren(mlNode(rec.summary));
    const desc = $('detail-description');
    desc.replaceChildren();
    const d = pick(rec.description);
    const paras = d.text.split(/\n\s*\n/).filter((p) => p.trim());
    paras.forEach((para, i) => desc.append(el('p', d.finnish ? { lang: 'fi' } : null, para.trim(),
      d.finnish && i === paras.length - 1 ? el('small', { class: 'fallback', text: ` (${t('inFinnish')})` }) : null)));

    const facts = $('detail-facts');
    facts.replaceChildren();
    const fact = (key, value) => {
      if (!present(value)) return;
      const dd = el('dd');
      if (value instanceof Node) dd.append(value);
      else dd.textContent = Array.isArray(value) ? value.join(', ') : value;
      facts.append(el('dt', { text: t(key) }), dd);
    };
    if (present(rec.status)) fact('f_status', valueNode(rec.status));
    fact('f_target', present(rec.target_description) ? mlNode(rec.target_description) : null);
    fact('f_requirements', present(rec.requirements) ? mlNode(rec.requirements) : null);
    fact('f_apply', present(rec.apply) ? valueNode(rec.apply) : null);
    fact('f_referral', present(rec.referral) ? mlNode(rec.referral) : null);
    fact('f_contact', present(rec.contact) ? valueNode(rec.contact) : null);
    fact('f_cost', present(rec.cost) ? valueNode(typeof rec.cost === 'string' ? { fi: rec.cost } : rec.cost) : null);
    fact('f_languages', (rec.languages || []).map((l) => label('language', l)));
    fact('f_municipalities', (rec.municipalities || []).map((m) => label('municipality', m)));
    fact('f_delivery', (rec.delivery || []).map((x) => label('delivery', x)));
    fact('f_age', ageText(rec.age, state.ui));
    fact('f_finnish', rec.finnish_level);
    if (rec.keywords && (rec.keywords[state.ui] || rec.keywords.fi)) {
      const own = rec.keywords[state.ui];
      fact('f_keywords', fallbackText((own || rec.keywords.fi).join(', '), !own));
    }
    fact('f_updated', rec.updated);

    const rel = $('detail-related');
    rel.replaceChildren();
    if (rec.related && rec.related.length) {
      const ul = el('ul', { class: 'related' });
      for (const rid of rec.related) {
        const rn = serviceTexts(rid).name;
        ul.append(el('li', null, el('a', { href: '#', onclick: (ev) => { ev.preventDefault(); openDetail(rid); } },
          fallbackText(rn.text, rn.finnish))));
      }
      rel.append(el('h3', { text: t('f_related') }), ul);
    }
    const lb = $('detail-list');
    lb.dataset.id = id;
    setListButton(lb, id, name.text);
    $('detail').scrollTop = 0;
    openDialog($('detail'), $('detail-name'), from);
  }

  function ageText(age, lang) {
    if (!age || (age.min === undefined && age.max === undefined)) return null;
    const parts = [];
    if (age.min !== undefined) parts.push(`${tl(lang, 'ageFrom')} ${age.min} ${tl(lang, 'years')}`);
    if (age.max !== undefined) parts.push(`${tl(lang, 'ageTo')} ${age.max} ${tl(lang, 'years')}`);
    return parts.join(', ');
  }

  /* ---- comparison of 2-4 services ------------------------------------------------------ */
  async function openCompare(from) {
    const ids = state.list.slice(0, 4);
    if (ids.length < 2) return;
    let recs;
    try {
      recs = await Promise.all(ids.map(getRecord));
    } catch (err) {
      showError(`${t('loadError')}: ${explain(err)}`);
      return;
    }
    const table = $('compare-table');
    table.replaceChildren();
    table.append(el('caption', { class: 'visually-hidden', text: t('compareHeading') }));
    table.append(el('thead', null, el('tr', null, el('td'),
      ...recs.map((r) => el('th', { scope: 'col' }, mlNode(r.name))))));
    const rows = [
      ['f_provider', (r) => r.provider && r.provider.name],
      ['f_category', (r) => label('category', r.category)],
      ['f_groups', (r) => (r.target_groups || []).map((g) => label('target_group', g)).join(', ')],
      ['f_requirements', (r) => (present(r.requirements) ? mlNode(r.requirements) : null)],
      ['f_age', (r) => ageText(r.age, state.ui)],
      ['f_finnish', (r) => r.finnish_level],
      ['f_languages', (r) => (r.languages || []).map((l) => label('language', l)).join(', ')],
      ['f_cost', (r) => (present(r.cost) ? valueNode(typeof r.cost === 'string' ? { fi: r.cost } : r.cost) : null)],
      ['f_delivery', (r) => (r.delivery || []).map((x) => label('delivery', x)).join(', ')],
      ['f_municipalities', (r) => (r.municipalities || []).map((m) => label('municipality', m)).join(', ')],
      ['f_apply', (r) => applyNode(r, state.ui)],
      ['f_contact', (r) => (present(r.contact) ? valueNode(r.contact) : null)],
    ];
    const body = el('tbody');
    for (const [key, get] of rows) {
      const vals = recs.map(get);
      if (!vals.some(present)) continue;
      body.append(el('tr', null, el('th', { scope: 'row', text: t(key) }),
        ...vals.map((v) => el('td', null, present(v) ? v : '–'))));
    }
    table.append(body);
    openDialog($('compare'), $('compare-heading'), from);
  }

  /* A field of a record in the handout's language: in plain Finnish its
   * `selko` text, else the standard Finnish, marked (a name is not marked). */
  function pickField(rec, field, lang) {
    if (lang !== SELKO) return pick(rec[field], lang);
    const plain = rec.selko && rec.selko[field];
    return plain ? { text: plain, finnish: false } : { text: pick(rec[field], 'fi').text, finnish: field !== 'name' };
  }
  const fieldNode = (rec, field, lang) => { const p = pickField(rec, field, lang); return fallbackText(p.text, p.finnish, lang); };

  /* How to start: the catalogue's words (referral), then what `apply` adds:
   * its text and the address where one starts. */
  function applyNode(rec, lang) {
    const parts = [];
    if (present(rec.referral)) parts.push(fieldNode(rec, 'referral', lang));
    if (rec.apply && present(rec.apply.text)) parts.push(valueNode(rec.apply.text, lang === SELKO ? 'fi' : lang));
    if (rec.apply && typeof rec.apply.url === 'string') parts.push(valueNode(rec.apply.url, lang));
    if (!parts.length) return null;
    const span = el('span');
    parts.forEach((n, i) => { if (i) span.append(' '); span.append(n); });
    return span;
  }

  /* ---- the client's handout: only the chosen services, in the client's language ------- */
  async function renderHandout(lang) {
    state.handoutLang = lang;
    const base = lang === SELKO ? 'fi' : lang; // catalogue labels have no plain version of their own
    for (const b of document.querySelectorAll('[data-hlang]')) b.setAttribute('aria-pressed', String(b.dataset.hlang === lang));
    const sheet = $('handout-sheet');
    const recs = await Promise.all(state.list.map((id) => getRecord(id).catch(() => null)));
    sheet.replaceChildren();
    sheet.setAttribute('lang', lang);
    sheet.append(el('h1', { id: 'handout-title', text: tl(lang, 'handoutTitle') }),
      el('p', { class: 'intro', text: state.list.length ? tl(lang, 'handoutIntro') : tl(lang, 'handoutEmpty') }));
    recs.forEach((rec, i) => {
      if (!rec) return;
      const dl = el('dl');
      const row = (key, node) => { if (present(node)) dl.append(el('dt', { text: tl(lang, key) }), el('dd', null, node)); };
      row('f_provider', rec.provider && rec.provider.name);
      if (present(rec.status) && rec.status !== 'active') row('f_status', valueNode(rec.status, lang));
      row('f_apply', applyNode(rec, lang));
      row('f_contact', present(rec.contact) ? valueNode(rec.contact, lang) : null);
      row('f_languages', (rec.languages || []).map((l) => label('language', l, base)).join(', '));
      row('f_delivery', (rec.delivery || []).map((x) => label('delivery', x, base)).join(', '));
      row('f_municipalities', (rec.municipalities || []).map((m) => label('municipality', m, base)).join(', '));
      row('f_age', ageText(rec.age, base));
      row('f_cost', present(rec.cost) ? valueNode(typeof rec.cost === 'string' ? { fi: rec.cost } : rec.cost, lang) : null);
      sheet.append(el('section', { class: 'handout-service', 'data-id': rec.id },
        el('h2', null, `${i + 1}. `, fieldNode(rec, 'name', lang)),
        present(rec.summary) ? el('p', { class: 'summary' }, fieldNode(rec, 'summary', lang)) : null, dl));
    });
    sheet.append(el('p', { class: 'printed small', text: `${tl(lang, 'printed')} ${new Date().toLocaleDateString(base)}` }));
  }

  async function openHandout(from) {
    await renderHandout(state.handoutLang || state.ui);
    openDialog($('handout'), $('handout-sheet'), from);
  }

  /* ---- autosuggest in the note: the word being typed, never the note ------------------- */
  function currentWord() {
    const box = $('need');
    const end = box.selectionEnd;
    if (box.selectionStart !== end) return null;
    const before = box.value.slice(0, end);
    const m = /[\p{L}\p{N}-]{2,40}$/u.exec(before);
    if (!m) return null;
    const after = /^[\p{L}\p{N}-]*/u.exec(box.value.slice(end))[0];
    return { start: end - m[0].length, end: end + after.length, text: m[0] + after };
  }

  let suggestTimer = null;
  function scheduleSuggest() {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(runSuggest, 120);
  }

  async function runSuggest() {
    const seq = ++state.suggestSeq;
    const w = currentWord();
    if (!w || w.text.length < 3) { hideSuggest(); return; }
    let doc;
    try {
      doc = await postJson('/api/suggest', { text: w.text, lang: state.ui, limit: 6 });
    } catch (_) { hideSuggest(); return; }
    if (seq !== state.suggestSeq || document.activeElement !== $('need')) return;
    const items = (doc.suggestions || []).filter((s) => s.text.toLowerCase() !== w.text.toLowerCase());
    const ul = $('suggest');
    ul.replaceChildren();
    items.forEach((s, i) => {
      ul.append(el('li', { role: 'option', id: `suggest-${i}`, 'aria-selected': 'false', 'data-kind': s.kind,
        onmousedown: (ev) => { ev.preventDefault(); acceptSuggest(s, w); } },
        fallbackText(s.text, s.lang !== state.ui && s.lang === 'fi'), ' ', el('small', { class: 'kind', text: t('kinds')[s.kind] || s.kind })));
    });
    state.suggest = { items, word: w, active: -1 };
    ul.hidden = !items.length;
  }

  function hideSuggest() {
    clearTimeout(suggestTimer);
    state.suggestSeq++;
    state.suggest = null;
    $('suggest').hidden = true;
    $('suggest').replaceChildren();
    $('need').removeAttribute('aria-activedescendant');
  }

  function moveSuggest(step) {
    const s = state.suggest;
    const n = s.items.length;
    // -1 is the text box itself; the options are 0..n-1.
    s.active += step;
    if (s.active >= n) s.active = -1;
    if (s.active < -1) s.active = n - 1;
    [...$('suggest').children].forEach((li, i) => li.setAttribute('aria-selected', String(i === s.active)));
    if (s.active >= 0) $('need').setAttribute('aria-activedescendant', `suggest-${s.active}`);
    else $('need').removeAttribute('aria-activedescendant');
  }

  function acceptSuggest(s, w) {
    const box = $('need');
    box.value = box.value.slice(0, w.start) + s.text + box.value.slice(w.end);
    const pos = w.start + s.text.length;
    box.setSelectionRange(pos, pos);
    hideSuggest();
    updateBytes();
    box.focus();
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
    updateBytes();
    render();
    // The explanations come from the engine in the language asked: ask again.
    if (state.doc && state.doc.lang !== state.ui) refresh(false, true);
  }

  async function showVersion() {
    try {
      const v = await api('/api/version');
      const built = v.index && v.index.built_at ? v.index.built_at.replace('T', ' ').replace(/:\d\dZ$/, ' UTC') : '';
      $('version').textContent = `· ${t('version')} ${v.version}` + (built ? ` · ${t('indexBuilt')} ${built}` : '');
    } catch (_) { /* the footer is optional */ }
  }

  async function loadConcepts() {
    try {
      const doc = await api('/api/concepts');
      for (const c of doc.concepts || []) { state.concepts.set(c.id, c.label); state.concepts.set(c.label.fi, c.label); }
      if (state.doc) renderResults(state.doc);
    } catch (_) { /* labels then stay Finnish, marked */ }
  }

  /* The codes of a vocabulary of the library's schema table, in its order;
   * until /api/schema has answered, those the page has labels for. */
  function codes(vocab) {
    const v = state.schema && state.schema.vocabularies && state.schema.vocabularies[vocab];
    if (v) return v.map((c) => c.id);
    return Object.keys(vocab === 'client_language' ? T.fi.sig.language : LABELS[vocab] || {});
  }

  async function loadSchema() {
    try {
      state.schema = await api('/api/schema');
    } catch (_) { /* the code lists then come from the labels */ }
  }

  async function loadCatalog() {
    try {
      const all = await api('/api/services');
      for (const s of all.services || []) state.catalog.set(s.id, s);
      render();
    } catch (_) { /* names then stay as the results give them */ }
  }

  /* ---- wiring --------------------------------------------------------------------- */
  function init() {
    let saved = null;
    try { saved = localStorage.getItem('kohtaanto.ui'); } catch (_) { /* private mode */ }
    state.ui = UI_LANGS.includes(saved) ? saved : 'fi';
    $('filters').open = window.matchMedia('(min-width: 761px)').matches;

    $('search-form').addEventListener('submit', (ev) => { ev.preventDefault(); hideSuggest(); refresh(true); });
    const need = $('need');
    need.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); hideSuggest(); refresh(true); return; }
      const s = state.suggest;
      if (!s || !s.items.length) return;
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') { ev.preventDefault(); moveSuggest(ev.key === 'ArrowDown' ? 1 : -1); }
      else if (ev.key === 'Enter' && s.active >= 0) { ev.preventDefault(); acceptSuggest(s.items[s.active], s.word); }
      else if (ev.key === 'Escape') { ev.preventDefault(); ev.stopPropagation(); hideSuggest(); }
    });
    need.addEventListener('input', () => {
      updateBytes();
      scheduleSuggest();
      // A new client: the corrections of the last note no longer apply.
      if (!need.value.trim()) state.corr = { removed: new Set(), age: null, municipality: null, language: null, groups: new Set() };
    });
    need.addEventListener('blur', () => setTimeout(hideSuggest, 150));
    $('limit').addEventListener('change', () => { if (need.value.trim()) refresh(true); else writeHash(false); });
    $('group').addEventListener('change', () => { if (need.value.trim()) refresh(true); else writeHash(false); });
    $('compact').addEventListener('change', () => { writeHash(false); render(); });
    $('clear-filters').addEventListener('click', () => {
      for (const f of FACETS) state.filters[f].clear();
      for (const f of SCALES) state.scale[f] = null;
      refresh(true);
    });
    $('f-finnish_level').addEventListener('change', (ev) => {
      state.scale.finnish_level = ev.target.value || null;
      refresh(false);
    });
    $('f-age').addEventListener('change', (ev) => {
      const v = ev.target.value.trim();
      const age = parseInt(v, 10);
      state.scale.age = v === '' || Number.isNaN(age) ? null : Math.max(0, Math.min(120, age));
      ev.target.value = state.scale.age === null ? '' : String(state.scale.age);
      refresh(false);
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
    for (const b of document.querySelectorAll('[data-close]')) b.addEventListener('click', () => closeDialog(false));
    for (const d of document.querySelectorAll('.dialog')) d.addEventListener('click', (ev) => { if (ev.target === d) closeDialog(false); });
    $('detail-list').addEventListener('click', () => toggleList($('detail-list').dataset.id));
    $('c-apply').addEventListener('click', applyCorrections);
    // The next meeting: the note, its corrections and the own list go; marks made are sent.
    $('new-client').addEventListener('click', () => {
      sendMarks();
      need.value = '';
      state.searchText = '';
      state.corr = { removed: new Set(), age: null, municipality: null, language: null, groups: new Set() };
      state.scale = { finnish_level: null, age: null }; // the client's facts go with the client
      state.list = [];
      state.handoutLang = null; // the client's language goes with the client
      $('correct').open = false;
      hideSuggest();
      showNotice('');
      updateBytes();
      refresh(true);
      need.focus();
    });
    $('c-reset').addEventListener('click', () => {
      state.corr = { removed: new Set(), age: null, municipality: null, language: null, groups: new Set() };
      refresh(false);
    });
    $('open-compare').addEventListener('click', (ev) => openCompare(ev.currentTarget));
    $('open-handout').addEventListener('click', (ev) => openHandout(ev.currentTarget));
    $('clear-list').addEventListener('click', () => { for (const id of [...state.list]) toggleList(id); });
    for (const b of document.querySelectorAll('[data-hlang]')) b.addEventListener('click', () => renderHandout(b.dataset.hlang));
    $('print-handout').addEventListener('click', () => window.print());
    // Printing never shows the page itself (the note, chips, scores, feedback): only the handout.
    // (The print stylesheet shows #handout even while its dialog is closed.)
    window.addEventListener('beforeprint', () => { if ($('handout').hidden) renderHandout(state.handoutLang || state.ui); });
    document.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && state.dialogs.length) { ev.preventDefault(); closeDialog(false); }
      else trapFocus(ev);
    });
    // Back, forward and pasted links: close a dialog, or follow the fragment unless this page wrote it.
    const follow = () => {
      if (state.skipPop) { state.skipPop = false; return; }
      if (state.dialogs.length) { closeDialog(true); return; }
      const h = location.hash.slice(1);
      if (h === state.writtenHash) return;
      state.writtenHash = h;
      readHash();
      refresh(false);
    };
    window.addEventListener('popstate', follow);
    window.addEventListener('hashchange', follow);
    // Marks not yet sent go when the page is closed.
    window.addEventListener('pagehide', () => sendMarks(true));

    readHash();
    setLanguage(state.ui);
    showVersion();
    loadCatalog();
    loadConcepts();
    // The first render waits for the schema: the target groups' words come from it.
    loadSchema().finally(() => refresh(false));
    if (!need.value) need.focus();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
