#!/usr/bin/env python3
"""Source of the trap set (bench/queries/trap-{dev,test}.*), written from the
catalogue entries (catalog/services/*.json) only: no query set and no system's
output was looked at while writing. Each note tempts a false trigger of one
class (issue #13); `notin` lists the services that must NOT be in the top 5,
`rel` the services that fit (grade 2 = refer here first, 1 = also useful, as
in dev/test). Run from the repository root to regenerate the files:
    python3 bench/queries/src/trap_notes.py
Alternate notes (so about half of each class) go to trap-dev (the ranking work may look at it), half to
trap-test (held out)."""
import json, os, sys

N = [
# ---- negated facts ----
("negation", "45v mies irtisanottu varastolta. ei ole velkoja eikä ulosottoa, talous ihan kunnossa. haluis trukkikortin ja takasin varastohommiin",
 ["talous-ja-velkaneuvonta", "ulosotto-neuvonta", "velkajarjestely", "takuusaatio"],
 {"trukkikortti": 2, "logistiikka-varastoala": 1, "henkilostopalveluyritykset-keikkatyo": 1, "lomautettujen-tyonhakupalvelut": 1, "tyonhakuvalmennus": 1}),
("negation", "nuori nainen 24v, valmistunu merkonomiksi keväällä. ei masennusta tai muuta mielenterveyspuolen juttua (kysyin suoraan), tarvii vaan apua cv:hen ja hakemuksiin",
 ["lyhytterapia-helsinki", "mielenterveystalo-nettiterapiat", "helmi-mielenterveysyhdistys", "kela-kuntoutuspsykoterapia", "mieppi"],
 {"tyonhakuvalmennus": 2, "nuorten-urapalvelut": 2, "ohjaamo-helsinki": 1, "duunitori": 1, "tyomarkkinatori": 1}),
("negation", "20 vuotta raksalla, polvet ja selkä ei kesta enää raskasta fyysistä tyota. miettii jotain kevyempää, ehkä toimistohommia",
 ["rakennusala-tyovoimakoulutus", "tyoturvallisuuskortti", "metalli-hitsaus-koulutus", "tulityokortti"],
 {"tyokykykoordinaattori": 2, "ammatinvalintapsykologi": 2, "tyoelakeyhtion-ammatillinen-kuntoutus": 2, "digitaidot-toimistotyo": 2, "kela-ammatillinen-kuntoutusselvitys": 1, "uravalmennus": 1, "tyokyvyn-arviointijakso": 1}),
("negation", "asiakas ei juo eikä käytä mitään, ollut raitis koko ikänsä. haluaa baariin tarjoilijaksi ja tarvii siihen anniskelupassin",
 ["aa-vertaisryhmat", "paihdepoliklinikat", "paihdekuntoutusjakso", "nuorten-paihdepalvelut"],
 {"anniskelupassi": 2, "hygieniapassi": 1, "ravintola-kokki-perho": 1, "henkilostopalveluyritykset-keikkatyo": 1, "rekrytointitapahtumat-helsinki": 1}),
("negation", "ei ole rikostaustaa eikä ole koskaan ollut vankilassa, kysyi vain haittaako vanha ylinopeussakko vartijakortin saamista. haluaa vartijaksi",
 ["rise-vapautumisen-suunnittelu", "krits", "kris-etela-suomi", "silta-valmennus", "sininauha-oy"],
 {"vartijan-peruskoulutus": 2, "jarjestyksenvalvojan-peruskoulutus": 1, "ensiapu-ea1": 1}),
("negation", "Ei ole asunnoton, asuu omassa asunnossa puolison kanssa. Työttömänä 8 kk, haluaa bussikuskiksi",
 ["asunnottomien-palvelut", "vva-ry", "y-saatio", "asumisneuvonta"],
 {"bussinkuljettajan-rekrykoulutus": 2, "rekrykoulutus": 1, "kuorma-autonkuljettajan-koulutus": 1, "tyovoimakoulutus": 1}),
("negation", "ei oo peliongelmaa eikä pikavippejä, rahat riittää kun asuu vielä vanhempien luona. 19v, lopetti lukion kesken ja haluis amikseen",
 ["peliklinikka", "talous-ja-velkaneuvonta", "takuusaatio", "kela-perustoimeentulotuki"],
 {"paluuvayla-koulutukseen": 2, "opintopolku": 2, "ohjaamo-helsinki": 1, "tuva": 1, "koulutuskokeilu": 1, "nuorten-urapalvelut": 1, "stadin-ao-hakeutumisen-ohjaus": 1}),
("negation", "mies 50v, ei lomautettu vaan irtisanoutui itse kun halusi alanvaihdon. ei ahdistusta, motivaatio kova. kiinnostaa kiinteistonhoito",
 ["lomautettujen-tyonhakupalvelut", "muutosturva", "lyhytterapia-helsinki", "mieppi"],
 {"kiinteistonhoitaja-koulutus": 2, "tyovoimakoulutus": 1, "omaehtoinen-opiskelu": 1, "alkuhaastattelu-tyonhakukeskustelut": 1, "sahkotyoturvallisuuskortti": 1}),
("negation", "No ADHD and no autism, he was assessed last year and nothing was found. 23, wants to get into IT, already knows some Python",
 ["adhd-liitto", "nepsy-valmennus", "autismisaatio-tyollisyyspalvelut"],
 {"hive-helsinki": 2, "nuorten-urapalvelut": 1, "ohjaamo-helsinki": 1, "nuorten-peli-ja-it-tyopaja": 1, "opintopolku": 1}),
("negation", "Inga skulder, ingen utsökning, ekonomin är ok. Hon är 38 och vill byta bransch till barnomsorg, talar svenska hemma",
 ["talous-ja-velkaneuvonta", "ulosotto-neuvonta", "velkajarjestely", "takuusaatio"],
 {"varhaiskasvatus-lastenhoitaja-oppisopimus": 2, "uraohjaus-ruotsiksi": 2, "prakticum": 1, "uravalmennus": 1, "oppisopimuskoulutus": 1}),
("negation", "ei väkivaltaa kotona, tilanne turvallinen (kysyin kun mieskin on työtön). nainen 33v, kaksi lasta, palaamassa hoitovapaalta töihin",
 ["turvakoti", "naisten-linja", "monika-naiset", "rikosuhripaivystys"],
 {"perhevapaalta-tyoelamaan": 2, "varhaiskasvatus-tyonhaun-ajaksi": 2, "tyonhakuvalmennus": 1}),
("negation", "ei oo kehitysvammaa vaikka kävi erityisluokan, lukihäiriö vaan. 20v, haluis kokiksi",
 ["vammaisten-tyotoiminta-avotyo", "tuetun-tyollistymisen-palvelut", "telma"],
 {"ravintola-kokki-perho": 2, "nuorten-ravintolatyopaja": 2, "nepsy-valmennus": 1, "opintopolku": 1, "koulutuskokeilu": 1}),
("negation", "vapautuu vankilasta maaliskuussa (3v tuomio). ei päihteitä, ei ole koskaan käyttänyt. tarvitsee asunnon ja töitä",
 ["paihdepoliklinikat", "aa-vertaisryhmat", "paihdekuntoutusjakso", "kuntouttava-tyotoiminta-jarjestoissa"],
 {"rise-vapautumisen-suunnittelu": 2, "krits": 2, "kris-etela-suomi": 1, "silta-valmennus": 1, "sininauha-oy": 1, "y-saatio": 1}),
# ---- triggers out of context ----
("context", "somalinainen, asunut suomessa 15v ja suomi sujuu, ei tarvitse kielikurssia eikä tulkkia. haluaa lähihoitajaksi",
 ["kotoutumiskoulutus", "women-to-work", "digityoelamaa", "helsingin-maahanmuuttajaneuvonta", "luku-ja-kirjoitustaitokoulutus"],
 {"lahihoitaja-aikuiskoulutus": 2, "stadin-ao-hakeutumisen-ohjaus": 1, "oppisopimuskoulutus": 1, "hoiva-avustaja-koulutus": 1, "omaehtoinen-opiskelu": 1}),
("context", "vuokrarästejä 2 kk kun palkka tuli myöhässä, asunto ei oo vaarassa. muuten töissä, pyytää apua maksusuunnitelmaan vuokranantajan kanssa",
 ["asunnottomien-palvelut", "vva-ry", "nuorisoasunnot"],
 {"asumisneuvonta": 2, "taydentava-ehkaiseva-toimeentulotuki": 1, "talous-ja-velkaneuvonta": 1}),
("context", "työtön 62v mies, tykkää pelata shakkia ja lautapelejä, kaipaa seuraa ja jotain tekemistä päiviin kun eläkkeeseen vielä pari vuotta",
 ["peliklinikka", "nuorten-paihdepalvelut", "nuorten-peli-ja-it-tyopaja"],
 {"tyottomien-yhdistykset": 2, "asukastalot": 2, "seurakuntien-tyottomien-ryhmat": 1, "vapaaehtoistyo-fi": 1, "helsinkimissio": 1, "tyonhakuvalmennus-55-plus": 1}),
("context", "marokkolainen mies, asunut suomessa 12 v ja puhuu hyvää suomea, koulutukseltaan sähkoasentaja. tarvii sätu-kortin uusinnan",
 ["kotoutumiskoulutus", "luku-ja-kirjoitustaitokoulutus", "kotoutumisen-alkukartoitus", "pakolaisneuvonta", "yki-testi"],
 {"sahkotyoturvallisuuskortti": 2, "tyoturvallisuuskortti": 1}),
("context", "Nainen 41v, kirjanpitäjä, irtisanottu tuotannollisista syistä 12 vuoden työsuhteen jälkeen. Haluaa päivittää excel-osaamista ja hakea uutta paikkaa",
 ["naisten-linja", "monika-naiset", "women-to-work", "turvakoti", "mothers-in-business"],
 {"muutosturva": 2, "lomautettujen-tyonhakupalvelut": 2, "digitaidot-toimistotyo": 1, "tyonhakuvalmennus": 1, "helsingin-tyovaenopisto": 1, "ansiopaivaraha-tyottomyyskassat": 1}),
("context", "asuu vuokralla kaksiossa, ei mitään ongelmia asumisessa. 29v, valmistui tradenomiksi viime kevaana eikä ole loytanyt alan toita",
 ["asumisneuvonta", "asunnottomien-palvelut", "y-saatio", "kaupungin-vuokra-asunnot", "nuorisoasunnot"],
 {"alumnien-urapalvelut": 2, "tyonhakuvalmennus-korkeakoulutetut": 2, "nuorten-urapalvelut": 1, "linkedin-verkostoitumisvalmennus": 1, "tyonhakuvalmennus": 1, "ammattiliittojen-urapalvelut": 1}),
("context", "on Kelan asiakas (yleistuki), muita Kelan etuuksia ei ole. 35v, haluis trukkikuskiksi varastoon",
 ["kela-kuntoutusraha", "kela-teak", "kela-taito-kuntoutus", "kela-kuntoutuspsykoterapia", "kela-elinkeinotuki", "kela-tyokykyneuvonta"],
 {"trukkikortti": 2, "logistiikka-varastoala": 2, "henkilostopalveluyritykset-keikkatyo": 1, "rekrytointitapahtumat-helsinki": 1}),
("context", "kävi keväällä kuukauden tutustumassa työpajalla mutta ei jatkanut. 26v valmis datanomi, hakee nyt it-tukitöitä",
 ["aikuisten-tyopajat", "nuorten-tyopajat-stadin-ao", "kuntouttava-tyotoiminta", "nuorten-puu-kadentaitotyopaja", "ungdomsverkstad-svenska"],
 {"nuorten-urapalvelut": 2, "tyonhakuvalmennus": 1, "duunitori": 1, "linkedin-verkostoitumisvalmennus": 1, "ohjaamo-helsinki": 1, "rekrytointitapahtumat-helsinki": 1}),
("context", "Arbetslös sedan en månad, nyutexaminerad sjukskötare från Arcada. Söker jobb på svenska i Helsingfors",
 ["kuntouttava-tyotoiminta", "tyonhaun-uudelleenkaynnistys", "palkkatuki-yhdistykset", "typ-monialainen-yhteispalvelu", "tyollistamistuki-55"],
 {"tyonhakuvalmennus-ruotsiksi": 2, "kuntarekry": 2, "alumnien-urapalvelut": 1, "uraohjaus-ruotsiksi": 1, "alkuhaastattelu-tyonhakukeskustelut": 1}),
("context", "virolainen rakennusmies 44v, asunu suomessa 20 vuotta ja suomi kuin äidinkieli. lomautettu tyomaalta kolmeks kuukaudeks",
 ["kotoutumiskoulutus", "kotoutumissuunnitelma", "kotoutumisen-alkukartoitus", "yki-testi", "tyoelaman-suomi-b1"],
 {"lomautettujen-tyonhakupalvelut": 2, "ansiopaivaraha-tyottomyyskassat": 2, "soviteltu-tyottomyysetuus": 1, "henkilostopalveluyritykset-keikkatyo": 1, "tyomarkkinatori": 1}),
("context", "mies 27v työtön, harrastuksena tubettaa ja striimaa pelejä, tosi innostunut videoista. haluaisi media-alalle",
 ["peliklinikka", "nuorten-paihdepalvelut", "etsiva-nuorisotyo"],
 {"nuorten-mediatyopaja": 2, "opintopolku": 1, "nuorten-urapalvelut": 1, "koulutuskokeilu": 1, "omaehtoinen-opiskelu": 1}),
("context", "venäläinen äiti 39v, kotoutumiskoulutus käyty ja YKI 4 suoritettu. hoitanut lapsia kotona 4v, nyt haluaa päiväkotiin töihin",
 ["kotoutumiskoulutus", "yki-testi", "luku-ja-kirjoitustaitokoulutus", "digityoelamaa", "kotoutumisen-alkukartoitus"],
 {"varhaiskasvatus-lastenhoitaja-oppisopimus": 2, "perhevapaalta-tyoelamaan": 2, "tyokokeilu-helsingin-kaupunki": 1, "kuntarekry": 1, "varhaiskasvatus-tyonhaun-ajaksi": 1}),
("context", "opintolainaa 15 000 mutta maksaa sitä normaalisti, ei maksuhäiriöitä. 31v maisteri, haluaa valtiolle töihin",
 ["velkajarjestely", "talous-ja-velkaneuvonta", "takuusaatio", "ulosotto-neuvonta", "sosiaalinen-luototus"],
 {"valtiolle-fi": 2, "tyonhakuvalmennus-korkeakoulutetut": 1, "ruotsin-kieli-tyoelamaan": 1, "kuntarekry": 1, "ammattiliittojen-urapalvelut": 1}),
("context", "isä kuoli viime keväänä, suru käsitelty terapiassa ja nyt olo hyvä. 48v, haluaa perustaa oman pienen leipomon",
 ["mieli-kriisipuhelin", "mieppi", "lyhytterapia-helsinki", "helsinkimissio"],
 {"yritys-helsinki": 2, "starttiraha": 2, "yrittajyyskoulutus-tyovoimakoulutus": 1, "hygieniapassi": 1, "ytj-yrityksen-perustaminen": 1, "uusyrityskeskukset-uusimaa": 1, "yrityskummit": 1, "finnvera-pienlaina": 1}),
("context", "vapautui vankilasta 2015 ja on siitä asti ollut töissä maalarina. nyt firma meni konkurssiin ja jäi työttömäksi, 45v",
 ["rise-vapautumisen-suunnittelu", "krits", "kris-etela-suomi", "yrittajan-talousapu"],
 {"alkuhaastattelu-tyonhakukeskustelut": 2, "lomautettujen-tyonhakupalvelut": 2, "ansiopaivaraha-tyottomyyskassat": 1, "henkilostopalveluyritykset-keikkatyo": 1, "tyomarkkinatori": 1, "muutosturva": 1}),
("context", "isovanhemmat tulleet aikoinaan turkista, itse syntyny helsingissä ja äidinkieli suomi. 20v, lopetti amiksen kesken ja hakee uutta alaa",
 ["kotoutumiskoulutus", "luku-ja-kirjoitustaitokoulutus", "suomi-toisena-kielena-tyovaenopisto", "englanninkielinen-ammatillinen-koulutus", "yki-testi"],
 {"paluuvayla-koulutukseen": 2, "ohjaamo-helsinki": 2, "opintopolku": 1, "koulutuskokeilu": 1, "nuorten-urapalvelut": 1, "uravalmennus": 1, "ammatinvalintapsykologi": 1}),
("context", "ero puolisosta viime vuonna, sovussa eikä riitoja. 40v FM, haluaa vaihtaa IT-alalle ohjelmistokehittäjäksi",
 ["mieli-kriisipuhelin", "helsinkimissio", "julkinen-oikeusapu"],
 {"ict-muuntokoulutus": 2, "hive-helsinki": 1, "tyonhakuvalmennus-korkeakoulutetut": 1, "jotpa-koulutukset": 1, "avoin-yliopisto-amk": 1}),
("context", "16v ysiluokkalainen haluis kesäduunia, tykkää lapsista ja on hoitanut serkkuja",
 ["varhaiskasvatus-lastenhoitaja-oppisopimus", "varhaiskasvatus-tyonhaun-ajaksi", "mll-perhekahvilat", "leikkipuistot-perhetoiminta"],
 {"kaupungin-kesatyot-nuorille": 2, "kesaseteli": 2, "tutustu-tyoelamaan-ja-tienaa": 1, "nuorisotalot": 1}),
("context", "palasi Norjasta jossa oli 3v kalatehtaalla, verokortti ja kela-asiat jo hoidettu. 31v suomalainen, hakee nyt töitä Helsingistä",
 ["international-house-helsinki", "turvapaikanhakijan-tyoskentely", "ihh-tyollisyysneuvonta"],
 {"alkuhaastattelu-tyonhakukeskustelut": 2, "tyonhakuvalmennus": 1, "tyomarkkinatori": 1, "eures": 1, "henkilostopalveluyritykset-keikkatyo": 1, "rekrytointitapahtumat-helsinki": 1}),
# ---- rare base-form readings, colloquial forms ----
("baseform", "haluaa kokeilla jotain ihan uutta alaa, ollu 15v myyjänä eikä jaksa enää. ei tiiä mikä vois kiinnostaa",
 ["ravintola-kokki-perho", "nuorten-ravintolatyopaja", "hygieniapassi", "asiakaspalvelu-myynti-koulutus"],
 {"uravalmennus": 2, "koulutuskokeilu": 2, "tyokokeilu": 2, "ammatinvalintapsykologi": 1, "yksilollinen-uravalmennus": 1, "osaamiskartoitus": 1}),
("baseform", "vaimo raskaana, laskettu aika maaliskuussa. mies 28v itse työtön ja haluaa äkkiä töihin vaikka keikkaa ettei rahat lopu",
 ["rakennusala-tyovoimakoulutus", "tyoturvallisuuskortti", "metalli-hitsaus-koulutus"],
 {"henkilostopalveluyritykset-keikkatyo": 2, "soviteltu-tyottomyysetuus": 1, "nuorten-urapalvelut": 1, "rekrytointitapahtumat-helsinki": 1, "tyonvalitys-tyotarjoukset": 1}),
("baseform", "22-vuotias, asuu yksin. sano et ei tiiä mitä haluu, ollu himassa pari vuotta ja tehny välillä keikkoja",
 ["aa-vertaisryhmat", "paihdepoliklinikat", "nuorten-paihdepalvelut", "paihdekuntoutusjakso"],
 {"ohjaamo-helsinki": 2, "vamos": 2, "nuotti-valmennus": 2, "etsiva-nuorisotyo": 1, "nuorten-urapalvelut": 1, "uravalmennus": 1, "sosiaalinen-kuntoutus": 1}),
("baseform", "raskaana rv 20, nainen 27v. haluaa ennen äitiyslomaa hoitaa hygieniapassin ja miettiä kokin opintoja myöhemmin",
 ["rakennusala-tyovoimakoulutus", "naisten-linja", "turvakoti", "monika-naiset"],
 {"hygieniapassi": 2, "ravintola-kokki-perho": 2, "opintopolku": 1, "nuorten-ravintolatyopaja": 1}),
("baseform", "on tehny pizzerias hommii 5v ilman mitään papereita, haluis jonkun todistuksen et osaa",
 ["aikalisa", "etsiva-nuorisotyo"],
 {"osaamisen-tunnistaminen-nayttotutkinto": 2, "ravintola-kokki-perho": 1, "hygieniapassi": 1, "stadin-ao-hakeutumisen-ohjaus": 1, "osaamiskartoitus": 1}),
("baseform", "57-vuotias, ansiosidonnainen loppuu kesällä. ollut 30 v samalla paperitehtaalla",
 ["nuorten-urapalvelut", "ohjaamo-helsinki", "etsiva-nuorisotyo", "nuorisoasunnot"],
 {"kunnan-tyollistamisvelvoite": 2, "tyonhakuvalmennus-55-plus": 2, "tyollistamistuki-55": 1, "muutosturva": 1, "elakeneuvonta": 1, "tyomarkkinatuki-peruspaivaraha": 1}),
("baseform", "tehny kokkina töitä 10v, nyt haluu kokeilla jotain muuta ku ei jaksa iltavuoroja. ajatuksena vaikka kiinteistönhoito",
 ["ravintola-kokki-perho", "nuorten-ravintolatyopaja", "hygieniapassi", "anniskelupassi"],
 {"kiinteistonhoitaja-koulutus": 2, "tyokokeilu": 1, "uravalmennus": 1, "koulutuskokeilu": 1, "tyovoimakoulutus": 1, "omaehtoinen-opiskelu": 1}),
("baseform", "äijä 34v, ollu työttömänä 2v, tykkää tehä puutöitä ja korjata vanhoja huonekaluja, himassa nikkaroi kaiket päivät",
 ["nuorten-puu-kadentaitotyopaja", "nuorten-tyopajat-stadin-ao", "ungdomsverkstad-svenska", "nuorten-urapalvelut"],
 {"aikuisten-tyopajat": 2, "kierratyskeskus": 2, "kuntouttava-tyotoiminta-jarjestoissa": 1, "tyokokeilu": 1, "yksilollinen-uravalmennus": 1, "kuntouttava-tyotoiminta": 1}),
("baseform", "tuli suomeen 2019 perheen mukana, suomi nyt B1. haluaa siivousalalle töihin ja ehkä tutkinnon",
 ["tulityokortti"],
 {"laitoshuoltaja-puhtausala": 2, "stadin-osaamiskeskus": 2, "tyoelaman-suomi-b1": 1, "oppisopimuskoulutus": 1, "tyonhakuvalmennus-selkosuomi": 1, "henkilostopalveluyritykset-keikkatyo": 1}),
# ---- one rare word carries a result ----
("rareword", "ansiopäivärahat loppumassa syyskuussa, mies 58v entinen varastotyöntekijä",
 ["pakolaisneuvonta", "turvapaikanhakijan-tyoskentely"],
 {"kunnan-tyollistamisvelvoite": 2, "tyomarkkinatuki-peruspaivaraha": 2, "tyonhakuvalmennus-55-plus": 1, "tyollistamistuki-55": 1, "elakeneuvonta": 1}),
("rareword", "kuntoutustuki loppumassa joulukuussa. mies 44v, selkävaivainen, kiinnostaa toimistotyö",
 ["pakolaisneuvonta", "turvapaikanhakijan-tyoskentely"],
 {"kela-tyokykyneuvonta": 2, "tyoelakeyhtion-ammatillinen-kuntoutus": 2, "digitaidot-toimistotyo": 2, "kela-ammatillinen-kuntoutusselvitys": 1, "tyokykykoordinaattori": 1, "elakeneuvonta": 1}),
("rareword", "vuokrasopimus loppumassa, pitää löytää uus kämppä ennen helmikuuta. 24v opiskelija",
 ["pakolaisneuvonta", "turvapaikanhakijan-tyoskentely"],
 {"nuorisoasunnot": 2, "kaupungin-vuokra-asunnot": 2, "yleinen-asumistuki": 1, "opintotuki": 1, "ohjaamo-helsinki": 1, "asumisneuvonta": 1}),
("rareword", "sairauspäiväraha loppumassa, 300 päivää tulee täyteen. nainen 50v, masennus eikä vielä pysty töihin",
 ["pakolaisneuvonta", "naisten-linja", "monika-naiset", "turvakoti"],
 {"kela-tyokykyneuvonta": 2, "elakeneuvonta": 2, "tyokykykoordinaattori": 1, "kela-kuntoutuspsykoterapia": 1, "tyoelakeyhtion-ammatillinen-kuntoutus": 1, "lyhytterapia-helsinki": 1, "helmi-mielenterveysyhdistys": 1}),
("rareword", "määräaikainen sopimus loppumassa kaupungin päiväkodissa. 34v lastenhoitaja, haluaa jatkaa alalla",
 ["pakolaisneuvonta", "varhaiskasvatus-tyonhaun-ajaksi"],
 {"kuntarekry": 2, "alkuhaastattelu-tyonhakukeskustelut": 1, "tyomarkkinatori": 1, "ansiopaivaraha-tyottomyyskassat": 1, "tyonhakuvalmennus": 1}),
("rareword", "passi vanhentunu ja uusi tilattu poliisilta, muuten paperit kunnossa. 30v suomalainen mies hakee varastotöitä",
 ["ihmiskaupan-uhrien-auttamisjarjestelma", "turvapaikanhakijan-tyoskentely", "hygieniapassi"],
 {"trukkikortti": 2, "henkilostopalveluyritykset-keikkatyo": 2, "logistiikka-varastoala": 1, "rekrytointitapahtumat-helsinki": 1}),
# ---- the past read as the goal ----
("pastgoal", "nainen 52v, siivoojana 10 vuotta. nyt olkapää kipeä ja työterveys sano ettei voi jatkaa siivousta. mitä muuta vois tehdä?",
 ["laitoshuoltaja-puhtausala", "naisten-linja", "monika-naiset", "turvakoti"],
 {"tyokykykoordinaattori": 2, "tyoelakeyhtion-ammatillinen-kuntoutus": 2, "ammatinvalintapsykologi": 2, "kela-ammatillinen-kuntoutusselvitys": 1, "tyokyvyn-arviointijakso": 1, "uravalmennus": 1, "kela-tyokykyneuvonta": 1}),
("pastgoal", "on vielä töissä kaupan kassalla (7v), kuuluu kassaan. haluaa alanvaihdon lähihoitajaksi vanhustyöhön",
 ["asiakaspalvelu-myynti-koulutus", "ansiopaivaraha-tyottomyyskassat"],
 {"lahihoitaja-aikuiskoulutus": 2, "oppisopimuskoulutus": 1, "stadin-ao-hakeutumisen-ohjaus": 1, "hoiva-avustaja-koulutus": 1, "opintotuki": 1, "koulutuskokeilu": 1}),
("pastgoal", "koulutukseltaan hitsaaja mutta allergia hitsaushuuruille, lääkäri kielsi jatkamasta. haluaisi varastoon tai logistiikkaan",
 ["metalli-hitsaus-koulutus", "tulityokortti"],
 {"logistiikka-varastoala": 2, "trukkikortti": 2, "tyoelakeyhtion-ammatillinen-kuntoutus": 2, "tyokykykoordinaattori": 1, "ammatinvalintapsykologi": 1}),
("pastgoal", "entinen sairaanhoitaja Filippiineiltä, suomessa 2v. EI halua enää hoitoalalle vaan IT-puolelle, koodannut harrastuksena",
 ["terveydenhuollon-patevoityminen", "lahihoitaja-aikuiskoulutus", "sote-alan-suomi", "hoiva-avustaja-koulutus"],
 {"hive-helsinki": 2, "ict-muuntokoulutus": 1, "simhe": 1, "tyonhakuvalmennus-englanniksi": 1, "kotoutumiskoulutus-nopea-polku": 1}),
("pastgoal", "ollut 12 vuotta bussikuskina, nyt kiinnostaa opettajan työ. aloittanut avoimessa kasvatustieteen kurssit",
 ["bussinkuljettajan-rekrykoulutus", "kuorma-autonkuljettajan-koulutus", "taksinkuljettajan-ajolupa"],
 {"avoin-yliopisto-amk": 2, "opintotuki": 1, "omaehtoinen-opiskelu": 1, "uravalmennus": 1, "koulutus-ja-uraneuvonta-chat": 1, "opintopolku": 1}),
("pastgoal", "tausta: keskeytti armeijan 2019 (C-paperit), sen jälkeen käyny merkonomin ja ollut 3v töissä. nyt 27v haluaa yrittäjäksi verkkokauppaan",
 ["aikalisa", "etsiva-nuorisotyo"],
 {"yritys-helsinki": 2, "starttiraha": 2, "ytj-yrityksen-perustaminen": 1, "yrittajyyskoulutus-tyovoimakoulutus": 1, "kevytyrittajyys-laskutuspalvelut": 1, "uusyrityskeskukset-uusimaa": 1, "yrityskummit": 1}),
("pastgoal", "teki vuosia raksahommia, nyt 55v ja selkäleikkaus takana. tavoitteena kevyt asiakaspalvelutyö",
 ["rakennusala-tyovoimakoulutus", "tyoturvallisuuskortti", "tulityokortti", "tieturva-1"],
 {"tyoelakeyhtion-ammatillinen-kuntoutus": 2, "asiakaspalvelu-myynti-koulutus": 2, "tyokykykoordinaattori": 1, "tyonhakuvalmennus-55-plus": 1, "kela-ammatillinen-kuntoutusselvitys": 1}),
("pastgoal", "nuorena käytti huumeita, nyt 10v kuivilla ja perhe ja kaikki hyvin. 38v, haluaa ammattiin, kiinnostaa sähköala",
 ["paihdepoliklinikat", "paihdekuntoutusjakso", "nuorten-paihdepalvelut", "aa-vertaisryhmat"],
 {"stadin-ao-perustutkinnot-aikuisille": 2, "omaehtoinen-opiskelu": 1, "stadin-ao-hakeutumisen-ohjaus": 1, "oppisopimuskoulutus": 1, "tyovoimakoulutus": 1}),
("pastgoal", "Worked 8 years as a chef in Delhi. Now wants to become a software developer, has a bachelor's in computer science from India",
 ["ravintola-kokki-perho", "nuorten-ravintolatyopaja", "hygieniapassi-valmennus-englanniksi", "hygieniapassi"],
 {"hive-helsinki": 2, "tyonhakuvalmennus-englanniksi": 2, "simhe": 1, "tutkintojen-tunnustaminen": 1, "ihh-tyollisyysneuvonta": 1}),
("pastgoal", "Var städare i 15 år, nu vill hon utbilda sig till närvårdare på svenska",
 ["laitoshuoltaja-puhtausala"],
 {"prakticum": 2, "uraohjaus-ruotsiksi": 1, "omaehtoinen-opiskelu": 1, "lahihoitaja-aikuiskoulutus": 1, "opintotuki": 1}),
# ---- implied needs ----
("implied", "17v poika, yhteishaussa ei tärpännyt mitään. nyt kotona koko syksyn ja vanhemmat huolissaan",
 ["mll-perhekahvilat", "perhevapaalta-tyoelamaan", "yhden-vanhemman-perheiden-liitto", "leikkipuistot-perhetoiminta"],
 {"oppivelvollisuuden-ohjaus": 2, "tuva": 2, "opintopolku": 1, "ohjaamo-helsinki": 1, "etsiva-nuorisotyo": 1}),
("implied", "kampaaja 12v kokemuksella, haluis oman liikkeen eikä enää vuokratuolia toisen kampaamossa",
 ["kaupungin-vuokra-asunnot", "yleinen-asumistuki", "asumisneuvonta", "stadin-ao-perustutkinnot-aikuisille"],
 {"yritys-helsinki": 2, "starttiraha": 2, "uusyrityskeskukset-uusimaa": 1, "yrittajyyskoulutus-tyovoimakoulutus": 1, "finnvera-pienlaina": 1, "ytj-yrityksen-perustaminen": 1, "yrityskummit": 1, "helsingin-yrittajat": 1}),
("implied", "työnantaja soitti: pieni remonttifirma, 6 työntekijää, miettii palkkaisko pitkään työttömänä olleen apumiehen. kysyi mitä tukia on",
 ["rakennusala-tyovoimakoulutus", "tyoturvallisuuskortti", "aikuisten-tyopajat", "kuntouttava-tyotoiminta", "tyonhaun-uudelleenkaynnistys"],
 {"palkkatuki": 2, "helsinki-lisa": 2, "te-tyonantajapalvelut": 1, "htp-rekrytointipalvelut": 1, "yrityskoordinaattorit": 1}),
("implied", "kahvilayrittäjä kysyy voisko ottaa 16-vuotiaan nuoren kesäks töihin ja saako siihen jotain apua kaupungilta",
 ["nuorten-ravintolatyopaja", "ravintola-kokki-perho"],
 {"kesaseteli": 2, "hygieniapassi": 1, "te-tyonantajapalvelut": 1}),
("implied", "äiti kertoi että 16v tytär lopetti lukion lokakuussa eikä tee mitään, istuu vaan huoneessa",
 ["mll-perhekahvilat", "perhevapaalta-tyoelamaan", "yhden-vanhemman-perheiden-liitto", "helsingin-aikuislukio"],
 {"oppivelvollisuuden-ohjaus": 2, "etsiva-nuorisotyo": 2, "paluuvayla-koulutukseen": 1, "tuva": 1, "mieppi": 1, "sekasin-chat": 1, "ohjaamo-helsinki": 1}),
("implied", "haluis myydä itse tekemiään koruja netissä ja messuilla, ei tiedä tarviiko perustaa firmaa. työtön 33v",
 ["asiakaspalvelu-myynti-koulutus", "rekrytointitapahtumat-helsinki"],
 {"sivutoiminen-yrittajyys-neuvonta": 2, "kevytyrittajyys-laskutuspalvelut": 2, "yritys-helsinki": 1, "starttiraha": 1, "ytj-yrityksen-perustaminen": 1, "tyoosuuskunnat": 1}),
("implied", "Employer: a small IT startup wants to hire a developer who already lives in Helsinki but speaks only English. How do they find candidates?",
 ["tyonhakuvalmennus-englanniksi", "hive-helsinki", "ict-muuntokoulutus"],
 {"kansainvalisten-osaajien-rekrytointi": 2, "htp-rekrytointipalvelut": 2, "te-tyonantajapalvelut": 1, "rekrytointitapahtumat-helsinki": 1}),
("implied", "asiakas tuli vaimon mukana kun vaimo sai töitä suomesta. 36v markkinoinnin maisteri Brasiliasta, englanti ok mutta suomea ei vielä yhtään",
 ["pakolaisneuvonta", "turvapaikanhakijan-tyoskentely", "luku-ja-kirjoitustaitokoulutus", "aikuisten-perusopetus"],
 {"spouse-program": 2, "kotoutumiskoulutus-nopea-polku": 2, "ihh-tyollisyysneuvonta": 1, "tyonhakuvalmennus-englanniksi": 1, "international-house-helsinki": 1, "kotoutumisen-alkukartoitus": 1, "simhe": 1, "tyoelamamentorointi": 1}),
("implied", "isä soitti pojan puolesta: poika 15v ysillä, haluis kesällä jotain töitä, ei aiempaa työkokemusta",
 ["mll-perhekahvilat", "yhden-vanhemman-perheiden-liitto"],
 {"tutustu-tyoelamaan-ja-tienaa": 2, "kesaseteli": 2, "nuorisotalot": 1}),
]

def main():
    root = os.getcwd()
    ids = {f[:-5] for f in os.listdir(os.path.join(root, "catalog/services")) if f.endswith(".json")}
    bad = 0
    for cls, text, notin, rel in N:
        for s in list(notin) + list(rel):
            if s not in ids:
                print("unknown service id:", s, "in:", text[:40], file=sys.stderr); bad = 1
        if set(notin) & set(rel):
            print("both must-not and relevant:", set(notin) & set(rel), file=sys.stderr); bad = 1
        if 2 not in rel.values() or not notin:
            print("needs a grade-2 service and a must-not service:", text[:40], file=sys.stderr); bad = 1
    if bad: sys.exit(1)
    # alternate through the list (grouped by class): 1st to dev, 2nd to test, ...
    split = {"dev": [], "test": []}
    for k, n in enumerate(N):
        split["dev" if k % 2 == 0 else "test"].append(n)
    for part, prefix in (("dev", "td"), ("test", "tt")):
        base = os.path.join(root, "bench/queries/trap-" + part)
        # After pooling (bench/pool/), .qrels = these judgments (.qrels.orig) + the
        # pooled ones: regenerate the base and re-merge with pool.py merge.
        qrels = base + (".qrels.orig" if os.path.exists(base + ".qrels.orig") else ".qrels")
        with open(base + ".tsv", "w") as t, open(base + ".types", "w") as ty, \
             open(qrels, "w") as q, open(base + ".notin", "w") as ni:
            for i, (cls, text, notin, rel) in enumerate(split[part], 1):
                qid = "%s%03d" % (prefix, i)
                t.write("%s\t%s\n" % (qid, text))
                ty.write("%s\t%s\n" % (qid, cls))
                for s, g in rel.items(): q.write("%s 0 %s %d\n" % (qid, s, g))
                for s in notin: ni.write("%s\t%s\n" % (qid, s))
        print(part, len(split[part]), "notes ->", os.path.basename(qrels))

if __name__ == "__main__":
    main()
