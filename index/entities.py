"""Who and what a text names: people, organisations, places, weapons systems, events, money, dates.

Two sources, merged longest-first: the gazetteer (`gazetteer.toml` plus the user's `entities.toml`),
matched on normalised words so "U.S." = "US" = a scrape's "u s"; and rules for what no list
holds: titles before names ("Foreign Minister Wang Yi"), organisation and place suffixes ("the
Carnegie Moscow Center", "South China Sea"), weapon designators ("Su-35", "40N6", "Amur-class"),
named exercises ("Joint Sea 2015"), money and date shapes. A surname alone links to the full name
met in the same document. In lowercased text, names that are also ordinary words ("blank",
"sands", "may") count only after a title or where the full name appears in the same text.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from index.dates import MONTH
from index.gazetteer import EntityInfo, Gazetteer, load_gazetteer, name_key
from index.given_names import CHINESE_FAMILY_NAMES, GIVEN_NAMES, NOT_SURNAMES
from index.tokens import words

# Single words that are also ordinary English: in lowercased text they need context to count.
COMMON_WORDS = frozenset(
    "blank sands may march lee long young rich bush miller bal kilo amur west moon li abe us un ap rt "
    "mao deng kim wang geng antonov lukin august june turkey chad jordan georgia wagner sputnik chevron "
    "who cis fed sber rbc gru visa mir ford shell telegram apple meta micron politico argus onyx grad checkmate "
    "javelin patriot tomahawk harpoon stinger switchblade aegis trident neptune intel dell".split()
)
_TITLES = (
    r"(?:Deputy |Vice |First Deputy |Former |former |Acting )?(?:Prime Minister|Foreign Minister|Defen[cs]e Minister|"
    r"Finance Minister|Economy Minister|Energy Minister|Minister|Premier|President|Presidents|Vice Premier|"
    r"Chairman|Chairwoman|Secretary of State|Secretary|Ambassador|General|Gen\.|Admiral|Adm\.|Colonel|Col\.|"
    r"Captain|Capt\.|Lieutenant|Lt\.|Sergeant|Marshal|"  # not "Major": "a Major Component"
    r"Senator|Sen\.|Governor|Gov\.|Mayor|Director|Commander|Comrade|Chancellor|King|Queen|Prince|Patriarch|"
    r"Spokesman|Spokeswoman|Spokesperson|Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.|Professor|"
    r"[Aa]nalyst|[Ee]xpert|[Ss]cholar|[Rr]esearcher|[Jj]ournalist|[Ee]conomist|[Hh]istorian|[Oo]fficial|"
    r"[Dd]iplomat|spokesman|spokeswoman|[Cc]ommentator|head|leader|counterpart|colleague|deputy|[Ff]ellow|"
    # in lower case too ("sending foreign minister Subrahmanyam Jaishankar"): a name must follow
    r"(?:prime |foreign |defen[cs]e |finance |economy |energy |deputy |vice )?(?:minister|premier)|president|"
    r"governor|mayor|ambassador|envoy|general|admiral|commander)"
)
_SAYING = (
    r"said|says|told|tells|wrote|writes|added|adds|argued|argues|noted|notes|explained|explains|stated|states|"
    r"warned|warns|asked|believes|believed|calls|called|estimated|estimates|suggested|suggests|thinks|thought"
)
# Letters of names beyond ASCII: "Chawryło", "Małaszewicze", "Łódź", "Ürümqi", "Édouard" are names too.
_UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())
_LOWER = "a-z" + "".join(ch for ch in map(chr, range(0xDF, 0x250)) if ch.islower())
_U = f"[{_UPPER}]"
# Where a name may start: a capital after no word character. Written as a lookahead and a lookbehind,
# not "\b": the regex engine then skips to the next capital at once (a third to a half faster on the
# patterns that use it, with the same matches).
_AT_CAPITAL = rf"(?=[{_UPPER}])(?<!\w)"
_LO = f"[{_LOWER}]"
# Names never cross a line break or a possessive: spaces only, and "Zedong’s" ends a name.
# Every repetition in these patterns is bounded: an unbounded one, tried from each capital of a long
# run of capitals, hyphens or commas, costs time quadratic in the run ("calm under bad input").
_NAME_WORD = rf"{_U}[{_UPPER}{_LOWER}\-]{{1,40}}(?![’'][a-z])"
_NAME = rf"{_NAME_WORD}(?:[ ]+(?:[A-Z]\.[ ]+)?{_NAME_WORD}){{0,2}}"
_PERSON_AFTER_TITLE = re.compile(rf"\b{_TITLES}[ ]+(?:of {_U}{_LO}+[ ]+)?(?P<name>{_NAME})")
_PERSON_PAIR_AFTER_TITLE = re.compile(rf"\b(?:Presidents|Ministers|leaders)[ ]+(?P<a>{_NAME})[ ]+and[ ]+(?P<b>{_NAME})")
# "said Maria Snegovaya of ...", "according to Ulf Laessing": a name after the verb of saying.
_SAID_PERSON = re.compile(
    r"\b(?:said|says|wrote|writes|according to|argues|argued)[ ]+"
    rf"(?P<name>{_NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{_NAME_WORD})(?![ ]+[A-Z])"
)
# "Alexandra Prokopenko, a former central bank official": a name set off by what the person is.
_PERSON_APPOSITIVE = re.compile(
    rf"\b(?P<name>{_NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{_NAME_WORD}),[ ]+(?:a|an|the)[ ]+(?:[a-z-]+[ ]+){{0,4}}?"
    r"(?:official|analyst|expert|scholar|researcher|economist|professor|director|adviser|advisor|spokesman|"
    r"spokeswoman|diplomat|general|commander|minister|lawmaker|senator|historian|journalist|editor|fellow|"
    r"executive|chairman|founder|president|governor|ambassador)\b"
    # or with no article when the role says of what: "Li Hongzhong, vice chairman of China's ..."
    rf"|\b(?P<named>{_NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{_NAME_WORD}),[ ]+(?:[a-z-]+[ ]+){{0,2}}?"
    r"(?:chairman|chairwoman|president|director|head|chief|governor|minister|secretary|spokesman|spokeswoman|"
    r"ambassador|commander|founder|editor|professor)[ ]+(?:of|at)\b"
)
# "Lithuania's foreign minister, Gabrielius Landsbergis, said": a name set off after the role.
# Found from the comma, which is rarer than the role words' first letters.
_COMMA_BEFORE_CAPITAL = re.compile(r",[ ]+(?=[A-Z])")  # a literal first: the scan skips to each comma
_ROLE_BEFORE = re.compile(
    r"\b(?:minister|president|premier|ambassador|envoy|spokesman|spokeswoman|spokesperson|chief|head|leader|"
    r"governor|mayor|director|chairman|chairwoman|adviser|advisor|secretary|commander|counterpart|deputy|analyst|"
    r"economist|expert|founder|editor|correspondent|general|admiral|executive)$"
)
_NAME_AFTER_ROLE = re.compile(
    rf"(?P<name>{_NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{_NAME_WORD})(?=[,.;:)]|[ ]+(?:{_SAYING}|who|has|had|was|is)\b)"
)
# "Sergei Radchenko", "Li Hongzhong": a given name (or a Chinese family name) and one more word.
# A lookahead, so pairs overlap: in "As Alexandra Prokopenko" the pair "As Alexandra" must not use up
# "Alexandra".
_GIVEN_THEN_NAME = re.compile(
    rf"\b(?=(?P<first>{_U}{_LO}+(?:-{_U}{_LO}+)?)[ ]+(?:[A-Z]\.[ ]+)?(?P<last>{_U}{_LO}+(?:-{_U}{_LO}+)?)"
    r"(?![\w-]))"
)
# "Chinese brands such as Chery, Haval and Geely": what a list of companies names.
_ORG_LIST = re.compile(
    r"\b(?:companies|firms|brands|banks|lenders|carmakers|automakers|manufacturers|producers|exporters|"
    r"traders|outlets|newspapers|broadcasters|agencies|conglomerates|groups|carriers|airlines|shipping lines|"
    r"insurers|miners|refiners|suppliers|retailers|investors|funds|operators|developers|channels|platforms|"
    r"networks|apps|raters),?[ ]+"
    r"(?:(?:such as|including|like)[ ]+)?"  # or straight after the kind: "the domestic agencies ACRA and Expert RA"
    r"(?P<items>[A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*)?(?:(?:,[ ]+|,?[ ]+and[ ]+|,?[ ]+or[ ]+)[A-Z][\w&.-]*"
    r"(?:[ ][A-Z][\w&.-]*)?)*)"
)
_LIST_ITEM = re.compile(r"(?:^|,[ ]+|,?[ ]+and[ ]+|,?[ ]+or[ ]+)(?P<name>[A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*)?)")
# Inside a name: "of", "for", "on", "de" (maybe followed by "the"), "&"; never "and", which joins names.
_CONNECT = r"(?:(?:of|for|on|de)(?:[ ]+the)?|&)"
# A capitalised word of a name: hyphenated parts capitalised too ("Asia-Pacific", not "U.S.-led").
# A full stop belongs to a word only inside an abbreviation ("U.S.", "St.", "Corp."): after a whole
# word it ends the sentence, and "the Institute for Strategic Studies. Analysts" is two.
_CAP_PART = (
    r"(?:[A-Z](?:\.[A-Z]){1,5}\.?|(?:St|Mt|Ft|Co|Corp|Inc|Ltd|Jr|Sr|Bros|Gen|Adm|Col|Lt|Capt|Dr|Prof|Sen|Gov|Rep)\."
    rf"|{_U}[\w&]*)"
)
_CAP = rf"(?:{_CAP_PART}(?:[-–]{_CAP_PART}){{0,4}}(?![\w’'–-]|\.\w))"  # "North–South Transport Corridor"
# "Mark Hibbs notes", "Ulf Laessing, a fellow, said", "Ulf Laessing of the Konrad Adenauer Foundation
# said": a name, maybe what the person is or where they work, then the saying.
_PERSON_SAID = re.compile(
    rf"\b(?P<name>{_NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{_NAME_WORD})(?:,[^,\n]{{3,60}},|[ ]+(?:of|at|from)[ ]+(?:the[ ]+)?"
    rf"(?:{_CAP}[ ]+(?:{_CONNECT}[ ]+)?){{0,6}}{_CAP})?[ ]+(?:{_SAYING})\b"
)
# "work by Marc Lanteigne of the University of Tromsø": a name before where the person works.
_PERSON_OF_INSTITUTION = re.compile(
    rf"\b(?!(?:The|A|An|Its|Their)[ ])(?P<name>{_NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{_NAME_WORD})"
    rf"[ ]+(?:of|at|from)[ ]+the[ ]+(?:{_CAP}[ ]+){{0,4}}"
    r"(?:University|Institute|Center|Centre|Foundation|Endowment|Council|School|Academy|Society|College)\b"
)
_ORG_SUFFIX = (
    r"Ministry|Center|Centre|Council|Institute|University|Bank|Corporation|Corp\.|Company|Organization|"
    r"Organisation|Agency|Committee|Party|Fund|Group|Association|Commission|Administration|Academy|"
    r"Foundation|Service|Fleet|Army|Navy|Force|Forces|Guard|Club|Inc\.|Ltd\.|Times|Post|Journal|Herald|Institution|"
    r"Tribune|News|Daily|Gazette|Gazeta|Review|Monitor|Bureau|Directorate|Command|Duma|Parliament|Industry|"
    r"Senate|Assembly|Court|Exchange|Airlines|Holdings|Industries|Enterprises|Network|Department|Office|"
    r"Authority|Board|Secretariat|Cabinet|Police|Coalition|Union|Pact|Bloc|League|Movement|Front|"
    r"Brigade|Corps|Division|Regiment|Lines|Community|Consortium|Society|Chamber|College|School|Economics|"
    r"Analytics|Consulting|Khural|Majlis|Mazhilis|Rada|Sejm|Kenesh|Bundestag|Knesset|TV|Television|Radio|"
    r"AG|PLC|LLC|PJSC|JSC|OJSC|GmbH|ASA|SpA|Technologies|Technology|Electronics|Semiconductor|Motors|"
    r"Aerospace|Petroleum|Shipping|Logistics|Securities|Investments|Ventures|Metals|Mining|Minerals|Chemicals|"
    r"Pharmaceuticals|Capital|Polytech|Polytechnic|Staff|Finance|Energy|Maritime|Shipmanagement|Research|"
    r"Railways|Flotilla|Devices|Ratings|Lab|Laboratory|Instruments|Express"
)
# Suffix-final names have no inner "of": "X of the Y Institute" is a person or place before an org.
_ORG = re.compile(
    rf"{_AT_CAPITAL}(?P<name>(?:{_CAP}[ ]+){{1,6}}(?:{_ORG_SUFFIX}))(?:(?<=\.)|\b)"
)  # "Corp." ends with its dot
_ORG_DESCRIBED = re.compile(
    r"\b(?:company|firm|group|bank|agency|outlet|newspaper|broadcaster|manufacturer|producer|operator|giant|"
    r"conglomerate|carrier|lender|maker|exporter|think tank|news agency|subsidiary|affiliate)[ ]+"
    rf"(?P<name>{_CAP}(?:[ ]+{_CAP}){{0,2}})"
)
_ORG_NOUNS = (
    r"company|firm|group|bank|agency|outlet|newspaper|broadcaster|manufacturer|producer|operator|giant|"
    r"conglomerate|carrier|lender|maker|carmaker|automaker|exporter|importer|trader|insurer|developer|"
    r"think tank|news agency|fund|miner|shipbuilder|shipping line|start-up|startup|subsidiary|holding|"
    r"consortium|joint venture|venture|cooperative|lobby group|trade body|chipmaker|think tank|consultancy|"
    r"national railway|state railway|railway company|railway operator|airline|regulator|utility|smelter|"
    r"steelmaker"
)
# "Karlygash Group, a Kazakh-Russian investment firm", "Tordan, a Shenzhen trader": an organisation
# set off by what it is.
_ORG_APPOSITIVE = re.compile(
    rf"{_AT_CAPITAL}(?P<name>{_CAP}(?:[ ]+{_CAP}){{0,3}}),[ ]+(?:a|an|the|{_U}[\w.-]*[’']s)[ ]+"
    rf"(?:[\w’'-]+[ ]+){{0,4}}?(?:{_ORG_NOUNS})\b"
)
# "the military intelligence agency, the HUR", "the customs service (FCS)": an acronym after what it is.
_ORG_ACRONYM_AFTER = re.compile(
    r"\b(?:agency|service|directorate|ministry|company|bank|committee|council|fund|corporation|bureau|"
    r"administration|authority),?[ ]+(?:the[ ]+|known[ ]+as[ ]+|\()(?P<name>[A-Z]{2,6})\b"
)
# "Novatek's chief executive", "shares of X": what only a company has.
_ORG_POSSESSING = re.compile(
    rf"{_AT_CAPITAL}(?P<name>{_CAP}(?:[ ]+{_CAP}){{0,2}})[’']s[ ]+(?:chief executive|CEO|chairman of the board|"
    r"board of "
    r"directors|shareholders|shares|share price|subsidiary|parent company|market value|annual report)\b"
)
# Days and months end a name: "the Treasury Department on Thursday" is not the Department on Thursday.
_WHEN = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b"
)
# "the Oxford Institute for Energy Studies", "the Economic Community of West African States".
_ORG_OF = re.compile(
    rf"{_AT_CAPITAL}(?P<name>(?:{_CAP}[ ]+){{0,3}}(?:Ministry|Bank|University|Council|Institute|Academy|"
    r"Department|Office|"
    r"Commission|Committee|Community|Organization|Organisation|Union|League|Association|Conference|Bureau|Agency|"
    r"Administration|Service|Directorate|Authority|"
    r"Court|Fund|Federation|Foundation|Society|Chamber|College|School|Center|Centre)"
    rf"[ ]+(?:of|for|on)[ ]+(?:the[ ]+)?(?!{_WHEN}){_CAP}(?:[ ]+(?:(?:{_CONNECT}|and)[ ]+)*(?!{_WHEN}){_CAP}){{0,5}})"
)  # "and" may join its last words ("Ministry of Industry and Trade"); a known name after it is cut off
_PLACE_SUFFIX = (
    r"Sea|Ocean|Island|Islands|Mountains|Peninsula|Strait|Gulf|River|Lake|Square|Province|Region|Oblast|"
    r"Krai|Canal|Bay|Desert|Valley|Street|Avenue|Airport|Port|Zone|Pipeline|Bridge|Plateau|Basin|Coast|"
    r"Territory|Republic|Kingdom|Emirates|Route|Passage|Corridor|Railway|Highway|Gap|Pass|Heights|Archipelago|"
    r"Reef|Atoll|Harbor|Harbour|Cosmodrome|Spaceport|Shipyard|Dam|Exclave|Empire"
)
_PLACE = re.compile(rf"{_AT_CAPITAL}(?P<name>(?:{_CAP}[ ]+){{1,4}}(?:{_PLACE_SUFFIX})(?:[ ]+(?:Route|Passage))?)\b")
# "the port of Rajin", "the town of Kidal": a place named by what it is.
_PLACE_NAMED = re.compile(
    r"\b(?:port|city|town|village|region|province|island|district|oblast|capital|harbou?r|base|airbase)[ ]+of[ ]+"
    rf"(?P<name>(?:St\.[ ]+)?{_U}[\w'-]*(?:[ ]+{_U}[\w'-]*){{0,2}})"  # no dots: a name ends with its sentence
    # "residents of Solton-Sary", "the outskirts of Kherson": who lives in a place, and its edges
    r"|\b(?i:residents|inhabitants|villagers|mayor|outskirts|suburbs)[ ]+of[ ]+"
    rf"(?P<lived>{_U}[\w'-]*(?:[ ]+{_U}[\w'-]*)?)"
    # "the ports of Aktau and Kuryk": two places after a plural kind
    rf"|\b(?:ports|cities|towns|villages|regions|provinces|islands|districts|harbou?rs|bases)[ ]+of[ ]+"
    rf"(?P<a>{_U}[\w'-]*(?:[ ]+{_U}[\w'-]*)?)[ ]+and[ ]+(?P<b>{_U}[\w'-]*(?:[ ]+{_U}[\w'-]*)?)"
)
# "the Intahaka gold mine", "the Agadem field", "the Zvezda shipyard": a named site before its kind.
# Found from the kind word back: the kind words are rare, capitalised words are everywhere.
_SITE = re.compile(
    r"[ ](?:(?:gold|copper|lithium|uranium|coal|nickel|iron ore|oil|gas|nuclear|power|hydroelectric)[ ]+)?"
    r"(?:mine|field|oilfield|deposit|terminal|refinery|shipyard|airbase|air base|naval base|power plant|"
    r"nuclear plant|dam|spaceport|cosmodrome|special economic zone|economic zone|industrial park|free port|"
    r"region|river|valley|district|basin|yard|railway bridge|road bridge|bridge|tunnel|plant|factory|province|"
    r"oblast|krai|county|prefecture|governorate|launch site|test site|testing ground|proving ground|"
    r"launch cent(?:er|re))\b"
)
# "the Bruegel think tank", "the Interfax news agency": an organisation named before what it is.
_ORG_KIND = re.compile(
    r"[ ](?:think tank|thinktank|consultancy|news agency|lobby group|chipmaker|carmaker|shipbuilder)\b"
)
# "a joint drill, CASAREX 2024,": an exercise named after its kind, with its year.
_EXERCISE_AFTER_KIND = re.compile(
    r"\b(?:drills?|exercises?|manoeuvres|maneuvers|war games),[ ]+"
    rf"(?P<name>{_CAP}(?:[ ]+{_CAP}){{0,2}}[ -](?:19|20)\d{{2}})\b"
)
# "the Far Eastern region", "the Arctic region": adjectives before a kind word are not its name.
_ADJECTIVE_SHAPE = re.compile(r"(?:ian|ean|ese|ish|ern|ic)$")  # not "-an": Jiangnan, Sudan, Taiwan
# Joined by spaces, or by an en dash between the two ends of a bridge or line ("Nizhneleninskoye–Tongjiang").
_SITE_NAME = re.compile(rf"(?<![\w’'-])(?P<name>{_CAP}(?:(?:[ ]+|–){_CAP}){{0,2}})$")
# Words shaped like the region's place names: Minsk, Kaliningrad, Uzbekistan, Sevastopol, Yekaterinburg.
# Trusted least (any named entity over the same words wins), and never the last word of a longer name.
_PLACE_SHAPE = re.compile(
    rf"(?<![\w’'-])(?P<name>{_U}{_LO}{{2,}}(?:sk|grad|stan|opol|burg|stadt|gorod|abad|ovo|evo|owice|icze))"
    r"(?![\w’'-]|[ ]+[A-Z])"
)
# "RusHydro", "PetroChina", "KazMunayGas": a capital inside a word marks a company's name; not the
# prefixes of people's names ("McFaul", "DeSantis", "MacArthur").
_CAMEL_CASE = re.compile(
    r"(?<![\w’'-])(?!(?:Mc|Mac|De|Le|La|Di|Da|Van|Von|O)[A-Z])(?P<name>[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+)(?![\w’'-])"
)
# Words shaped like the region's company names: Kazatomprom, Rosneft's "…neft", Sberbank, Sovcomflot,
# Rosatom, Naftogaz. Trusted least, like place shapes. Found from the ending back (a substring search
# per ending): endings are rare, capitals everywhere.
_ORG_SHAPE_ENDINGS = ("prom", "neft", "bank", "flot", "energo", "atom", "gaz")
_ORG_SHAPE = re.compile(rf"(?<![\w’'-])(?P<name>{_U}{_LO}{{2,}})(?![\w’'-]|[ ]+[A-Z])")
_NOT_PLACE_SHAPES = frozenset("Flask Kiosk Whisk Brisk Asterisk Obelisk Basilisk Tamarisk Damask Interpol".split())
# "Lake Balkhash", "Mount Paektu", "Cape Chelyuskin": a place named after its kind.
_PLACE_AFTER_KIND = re.compile(rf"\b(?P<name>(?:Lake|Mount|Mt\.|Cape|Fort)[ ]+{_CAP}(?:[ ]+{_CAP})?)(?![\w’'-])")
_PLACE_OF = re.compile(
    rf"{_AT_CAPITAL}(?P<name>(?:Great[ ]+)?(?:Sea|Gulf|Strait|Bay|Isle|Islands|Republic|Kingdom|Cape|Port|Lake|"
    r"Hall|Palace|"
    rf"Gate|Mausoleum|Cathedral|Temple)[ ]+of[ ]+(?:the[ ]+)?{_CAP}"
    rf"(?:[ ]+{_CAP})?)"
)
_EVENT_SUFFIX = (
    r"War|Summit|Forum|Exercise|Exercises|Drills?|Treaty|Agreements?|Accords?|Conference|Games|Olympics|"
    r"Parade|Crisis|Revolution|Talks|Dialogue|Expo|Festival|Convention|Declaration|Protocol"
)
_EVENT = re.compile(rf"{_AT_CAPITAL}(?P<name>(?:{_CAP}[ ]+(?:{_CONNECT}[ ]+)*){{1,5}}(?:{_EVENT_SUFFIX}))\b")
# "the Malabar exercise", "the Northern Shield 2024 drills": a named exercise before its kind.
_EXERCISE_BEFORE_KIND = re.compile(
    rf"{_AT_CAPITAL}(?P<name>{_CAP}(?:[ ]+{_CAP}){{0,3}}(?:[ ](?:19|20)\d{{2}})?)[ ]+(?:naval |joint |military |air )?"
    r"(?:exercise|exercises|drills|war games|maneuvers|manoeuvres)\b"
)
# "the exercise, codenamed Ocean Shield", "an operation dubbed Rolling Thunder".
_EVENT_CODENAMED = re.compile(
    r"\b(?:exercises?|drills?|operation|manoeuvres|maneuvers|war games|offensive|mission)[ ,]+[^.\n]{0,30}?"
    rf"\b(?:codenamed|code-named|dubbed)[ ]+(?P<name>{_CAP}(?:[ ]+{_CAP}){{0,3}}(?:[ -](?:19|20)\d{{2}})?)"
)
# "a copy of one made by Limbach Flugmotoren": who makes or builds a thing is an organisation.
# "a digital bank owned by Otkritie": one word after "owned by" is a company (two may be a person's name).
_ORG_OWNER = re.compile(rf"\b(?:owned|controlled|backed|acquired)[ ]+by[ ]+(?P<name>{_CAP})(?![ ]+{_U})")
_ORG_MAKER = re.compile(
    r"\b(?:made|built|produced|manufactured|supplied|developed|assembled)[ ]+by[ ]+(?:the[ ]+)?"
    rf"(?P<name>{_CAP}(?:[ ]+{_CAP}){{0,3}})(?P<more>(?:,[ ]+{_CAP}(?:[ ]+{_CAP}){{0,3}}){{0,6}},?[ ]+and[ ]+"
    rf"{_CAP}(?:[ ]+{_CAP}){{0,3}})?"
)  # and the rest of a list of makers: "made by Texas Instruments, Analog Devices and Infineon"
# "who runs the Boreal Forest Platform": what a person runs, heads or founded is an organisation.
_ORG_RUN = re.compile(
    r"\b(?:runs|ran|heads|headed|leads|led|founded|co-founded|chairs|chaired|directs|directed)[ ]+the[ ]+"
    rf"(?P<name>{_CAP}(?:[ ]+(?:{_CONNECT}[ ]+)?{_CAP}){{1,5}})"
)
# "chairman of Kazakhstan Temir Zholy", "Baltic Cargo, which operates": who has a chairman or owns,
# operates and employs is an organisation.
_ORG_LED = re.compile(
    r"\b(?:chairman|chairwoman|chief executive|CEO|managing director|general director|director general)[ ]+of[ ]+"
    rf"(?:the[ ]+)?(?P<name>{_CAP}(?:[ ]+(?:{_CONNECT}[ ]+)?{_CAP}){{0,4}})"
)
_WHICH_OWNS = re.compile(r",[ ]+which[ ]+(?:operates|owns|employs|manufactures)\b")  # found first, the name back
_WHICH_NAME = re.compile(rf"(?<![\w’'-])(?P<name>{_CAP}(?:[ ]+{_CAP}){{0,3}})$")
# "the Treaty of Nerchinsk", "the Battle of Stalingrad": an event named before "of".
_EVENT_OF = re.compile(
    r"\b(?P<name>(?:Treaty|Battle|Siege|Declaration|Convention|Protocol|Congress|Conference|Agreement|Accord|"
    rf"Peace)[ ]+(?:of|on)[ ]+(?:the[ ]+)?{_CAP}(?:[ ]+(?:{_CONNECT}[ ]+)*{_CAP}){{0,3}})"
)
# "the Damansky Island incident", "the Victory Day parade": a name before a lower-case event word,
# after "the" (a demonym alone is no name: "the Russian offensive" is not one).
_EVENT_KIND = (
    r"incident|parade|massacre|uprising|rebellion|revolution|crisis|clashes|airshow|air show|expo|games|olympics|"
    r"referendum|accords?"
)
_EVENT_NAME_BEFORE = rf"{_CAP}(?:[ ]+{_CAP}){{0,3}}(?:[ ](?:19|20)\d{{2}})?"
_EVENT_BEFORE_KIND = re.compile(
    rf"\b[Tt]he[ ]+(?P<name>{_EVENT_NAME_BEFORE}[ ]+(?:{_EVENT_KIND}))\b"
    # "the 2014 Power of Siberia agreement": an agreement named for what it is about
    rf"|\b[Tt]he[ ]+(?:(?:19|20)\d{{2}}[ ]+)?(?P<agreed>{_CAP}(?:[ ]+(?:{_CONNECT}[ ]+)?{_CAP}){{0,4}}[ ]+"
    r"(?:agreement|agreements|treaty|memorandum|pact))\b"
    # an exhibition's own name stops before the word: "the Airshow China exhibition"
    rf"|\b[Tt]he[ ]+(?P<shown>{_EVENT_NAME_BEFORE})[ ]+(?:exhibition|trade fair|arms fair)\b"
)
# "Operation Barkhane", "the BRICS summit in Kazan": named operations and summits are events.
_OPERATION = re.compile(rf"{_AT_CAPITAL}(?P<name>Operation[ ]+{_CAP}(?:[ ]+{_CAP}){{0,2}})")
# "Navy Day", "Victory Day", "Unity Day": a named day is an event (found from "Day" back).
_DAY = re.compile(r"(?<=\w)[ ]Day\b")
_DAY_NAME = re.compile(rf"(?<![\w’'-])(?P<name>{_CAP}(?:[ ]+{_CAP})?)$")
# "Type 052D", "Project 22350": Chinese and Russian warship classes by number (not a year).
_CLASS_NUMBER = re.compile(r"\b(?P<name>(?:Type|Project)[ ](?!(?:19|20)\d\d\b)\d{3,5}[A-Z]{0,2})\b")
# "the destroyer Jinan", "the aircraft carrier Shandong": a warship named after its kind, whatever
# else the name is (a city, a province); icebreakers and tankers are not weapons.
_SHIP_KINDS = r"(?:destroyer|frigate|corvette|cruiser|submarine|aircraft carrier|warship|landing ship)"
_SHIP_NAMED = re.compile(
    rf"\b{_SHIP_KINDS}(?:,[ ]+the)?[ ]+(?P<name>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)(?![\w’'-])"
)  # "the destroyer Jinan", "a Type 055 destroyer, the Lhasa,"
# "the Admiral Levchenko, an upgraded Udaloy-class destroyer": a ship set off by what it is.
_SHIP_APPOSITIVE = re.compile(
    rf"\b[Tt]he[ ]+(?P<name>{_CAP}(?:[ ]+{_CAP}){{0,3}}),[ ]+an?[ ]+(?:[\w-]+[ ]+){{0,4}}?{_SHIP_KINDS}\b"
)
# "Two Borei-A submarines, the Knyaz Pozharsky and the Imperator Aleksandr III", "the corvettes
# Sovershenny and Gromky": ships after their kind.
_SHIPS_LISTED = re.compile(
    rf"\b{_SHIP_KINDS}s(?:,[ ]+the)?[ ]+(?P<a>{_CAP}(?:[ ]+{_CAP}){{0,3}})[ ]+and[ ]+(?:the[ ]+)?"
    rf"(?P<b>{_CAP}(?:[ ]+{_CAP}){{0,3}})"
)
# "the Russian navy", "China's air force": a country's armed service, named in lower case.
_ARMED_SERVICE = re.compile(
    r"\b(?P<name>(?:Russian|Chinese|Ukrainian|Indian|Japanese|American|U\.S\.|Iranian|North Korean|South Korean|"
    r"Pakistani|Vietnamese|Taiwanese|Soviet|[A-Z][a-z]+[’']s)[ ](?:navy|army|air force|coast guard|Navy|Army|"
    r"Air Force|Coast Guard))\b"
)
# "By Olga Popova and Ethan Wang", "(Reporting by X in Y; Editing by Z)": the people of a byline.
_BYLINE = re.compile(
    r"(?:^|\(|;[ ]*)(?:By|By:|Reporting by|Additional reporting by|Editing by|Writing by|reporting by)[ ]+"
    rf"(?P<names>{_NAME}(?:(?:[ ]+in[ ]+{_CAP}(?:[ ]+{_CAP})?)?(?:,[ ]+|[ ]+and[ ]+){_NAME})*)",
    re.MULTILINE,
)
_BYLINE_NAME = re.compile(rf"(?:^|,[ ]+|[ ]+and[ ]+)(?P<name>{_NAME})")
_SUMMIT = re.compile(rf"{_AT_CAPITAL}(?P<name>{_CAP}(?:[ ]+{_CAP}){{0,3}}[ ]+summit)\b")
# "the BrahMos cruise missile", "Tsirkon missiles", "the Kazan submarine": a name before a weapon noun.
# "Kalibr cruise missiles", "Wing Loong drones" (two words, unless the first is a demonym: "Russian
# Lancet drones"), "Minuteman III and Trident II missiles". Found from the kind word back: the kind
# words are rare, capitals everywhere.
_WEAPON_KIND = re.compile(
    r"[ ](?P<kind>missile system|missiles?|fighters?|bombers?|submarines?|destroyer|frigate|corvette|tanks?|"
    r"drones?|launchers?|rockets?|howitzers?|helicopters?|warship|air defen[cs]e system|battery|batteries|radars?|"
    r"self-propelled guns?|guns|glide bombs?)\b"
)
_WEAPON_BEFORE_KIND = re.compile(
    rf"(?<![\w’'-])(?P<name>(?:(?![A-Z][a-z]+(?:ian|ese|ish|ean|an)[ ]){_CAP_PART}[ ]+)?"
    rf"{_CAP_PART}(?:-(?:{_CAP_PART}|\d{{1,4}}[A-Z]?))?)(?:[ ]+and[ ]+(?P<also>{_CAP_PART}(?:[ ]+{_CAP_PART})?"
    rf"(?:-(?:{_CAP_PART}|\d{{1,4}}[A-Z]?))?))?(?:[ ]+(?:cruise|ballistic|anti-ship|hypersonic|air-defen[cs]e|"
    r"surface-to-air|nuclear|attack|multirole|stealth|strategic|long-range|kamikaze|loitering|light|heavy|combat|"
    r"strike|main battle|"
    r"[a-z]+-[a-z]+(?:-[a-z]+)?)){0,2}$"  # and two hyphenated ones: "intermediate-range", "air-launched"
)
_EXERCISE = re.compile(
    _AT_CAPITAL
    + r"(?P<name>(?:Joint Sea|Vostok|Zapad|Tsentr|Kavkaz|Peace Mission|Northern Interaction|Maritime Security Belt|"
    r"Mosi|Aerospace Security|Army Games)[- ](?:19|20)\d{2}|[A-Z][a-z]+(?:[ /][A-Z][a-z]+){0,4}-(?:19|20)\d{2})\b"
)
_DESIGNATOR = re.compile(
    _AT_CAPITAL
    + r"(?P<name>(?:[A-Z][A-Za-z]{0,3}|[A-Z]{2,4})-\d{1,3}[A-Z]{0,3}(?:\d[A-Z]{0,2})?(?:-\d{1,2})?(?:/[A-Z]{1,2})?"
    r"|[A-Z][a-z]{4,7}-\d{2,3}[A-Z]?|[A-Z][a-z]{2,7}-[A-Z]{1,2}\d{1,2}[A-Z]?)"
    r"(?![\w-])"
)  # "Su-35", "S-400", "Kh-47M2", "AL-41F1S", "HQ-9/P"; with a longer name: "Shahed-136", "Pantsir-S1", "Tor-M2"
# "40N6", "9M727", "2S19", "3M22"; not quarters and halves ("2Q23", "1H2024")
_DESIGNATOR_CODE = re.compile(r"\b(?P<name>\d{1,2}(?![QH])[A-Z]\d{1,3}[A-Z]{0,2}\d?)\b")
_CLASS = re.compile(
    r"\b(?P<name>[A-Z][a-z]+-class(?:\s+(?:submarine|destroyer|frigate|corvette|cruiser|carrier|icebreaker)s?)?)"
)
# Designator-shaped names that are not weapons: regulations, flights, and spacecraft and their missions.
_NOT_WEAPONS = re.compile(
    r"^(?:COVID|G|A|H1N1|MH|Form|Article|Resolution|Route|Highway|Chapter|Section|Luna|Soyuz|Shenzhou|Tianzhou|"
    r"Tianwen|Tiangong|Apollo|Artemis|Progress|Proton|Angara|Kosmos|Venera|Falcon|Ariane|Vega|Zenit|Long March|"
    r"March)-",
    re.I,
)
# A model number before these words names a reactor, a plant or a car, not a weapon: "VVER-1200 reactors".
_CIVIL_AFTER = re.compile(
    # "power units" are reactors, but bare "units" may be a regiment's ("Pantsir-S1 units")
    r"\s+(?:fast |nuclear |power |research |transmission )?(?:reactors?|(?:power|nuclear|reactor) units?|"
    r"power plants?|plants?|cars?|trucks?|"
    r"lines?|pipelines?|projects?|satellites?)\b"
)
_LINE_AFTER = re.compile(r"\s+(?:transmission |power )?(?:lines?|pipelines?)\b")
# "the Chang'e-8 mission": a numbered mission is an event.
_MISSION = re.compile(r"\b(?P<name>[A-Z][\w'’]*(?:[ ][A-Z][\w'’]*)?[- ]\d{1,3}[A-Z]?)[ ]+mission\b")
# A pronoun, determiner or demonym before a kind word is not a name: "Its fighters", "the Russian gas field".
_NOT_NAMES_BEFORE_KIND = frozenset(
    "Its It Their His Her Our Your My The These Those This That Some Many Most All Both Several Few New Old "
    "Two Three Four Five Russian Chinese American Soviet Ukrainian Iranian Indian Western Every Each Any No "
    "Other Such".split()
)
_LOWER_DESIGNATOR = re.compile(
    r"\b(?P<prefix>s|su|mig|tu|kh|il|ka|mi|df|hq|jl|yak|j|t)[ -]?(?P<num>\d{2,3})(?P<suffix>[a-z]{0,2})\b"
)
_MONEY = re.compile(
    r"(?=[uUaAcChH$\d])(?P<name>(?:US|U\.S\.|A|C|HK)?\$\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|mn)\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s(?:million|billion|trillion)(?:\s(?:dollars|rubles|roubles|yuan|euros|yen|"
    r"won|rupees|pounds))?\b(?!\s(?:people|persons|tons|tonnes|cubic|barrels|residents|users|years|"
    r"citizens|inhabitants|troops|soldiers|miles|kilometers|km))"
    r"|\b\d[\d,]*(?:\.\d+)?\s(?:dollars|rubles|roubles|yuan|euros|yen|rupees)\b)",
    re.IGNORECASE,
)
# The lookaheads only skip, at once, the many places no alternative can start (the same for money).
_DATE = re.compile(
    rf"(?=[JFMASONDWt\d])(?P<name>\b{MONTH}\s+\d{{1,2}}(?:,\s*(?:19|20)\d{{2}})?\b(?!,\d)"
    rf"|\b\d{{1,2}}\s+{MONTH}(?:\s+(?:19|20)\d{{2}})?\b"
    rf"|\b{MONTH}(?:\s+of)?\s+(?:19|20)\d{{2}}\b"
    r"|\b(?:Spring|Summer|Fall|Autumn|Winter)\s+(?:19|20)\d{2}\b"
    r"|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"
    r"|\b(?:the\s+)?(?:1[89]|20)\d0s\b"
    r"|(?<![$\w-])(?:1[89]\d{2}|20\d{2})(?![\w-]))"
)
_LOWER_DATE = re.compile(
    r"(?P<name>\b(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+(?:\d{1,2}(?:\s+(?:19|20)\d{2})?|(?:19|20)\d{2})\b)"
)
_LONE_MONTH = re.compile(
    r"(?<=[a-z,] )(?P<name>January|February|March|April|June|July|August|September|October|"
    r"November|December)\b"
)
_LEADING_NOISE = re.compile(
    r"^(?:The|A|An|In|But|And|As|At|For|By|On|With|From|To|Of|Both|While|Since|If|When|Though|Although|"
    r"Yet|So|Thus|Indeed|Moreover|However|Meanwhile|Likewise|Similarly|Then|This|That|These|Those|Its|"
    r"Their|His|Her|Our|Unlike|Like|Even|Only|Also|After|Before|During|Under|Over|Against|Between)\s+"
)
_DOMAIN = re.compile(r"\.(?:ru|cn|com|net|org|gov|info|io)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s$")
_NOT_NAMES = frozenset(
    "The This That These Those It He She They We You I Your Our Their His Her Its My Mr Mrs Ms Dr Russian "
    "Chinese American Soviet "
    "Western Eastern Asian European Japanese Korean Indian Sino-Russian Russo-Chinese Both However "
    "January February March April May June July August September October November December Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


@dataclass(frozen=True)
class Mention:
    start: int  # offsets into the cleaned document text
    end: int
    type: str
    name: str  # canonical name
    text: str  # as written


def is_lowercased(text: str) -> bool:
    sample = text[:20000]
    letters = sum(map(str.isalpha, sample))
    return letters > 200 and sum(map(str.isupper, sample)) / letters < 0.005


# extraction ----------------------------------------------------------------------
def extract(text: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Every entity mention in a cleaned document text, in order, without overlaps."""
    gazetteer = gazetteer or load_gazetteer()
    lowercase = is_lowercased(text)
    found = _gazetteer_mentions(text, gazetteer, lowercase)
    if not lowercase:
        headlines = _headline_lines(text)  # asked by the rules and two passes: found once
        found += _rule_mentions(text, gazetteer, headlines)
    else:
        found += _lowercase_rule_mentions(text, gazetteer)
    chosen = _resolve_overlaps(found)
    chosen = _link_surnames(text, chosen, lowercase)
    if not lowercase:
        chosen = _listed_with_known(text, _places_by_company(text, chosen), headlines)
        chosen = _repeated(text, _numbered(text, _makers_of_models(text, chosen)))
        chosen = _not_only_in_headlines(text, chosen, gazetteer, headlines)
    if not gazetteer.ignored:
        return chosen
    return [
        m for m in chosen if name_key(m.name) not in gazetteer.ignored and name_key(m.text) not in gazetteer.ignored
    ]


def _gazetteer_mentions(text: str, gazetteer: Gazetteer, lowercase: bool) -> list[tuple[int, Mention]]:
    tokens = list(words(text))
    # Only lowercased text asks whether a full name is present (to accept an ordinary-word alias).
    full_names_present = gazetteer.full_keys & _ngram_keys(tokens) if lowercase else set()
    out: list[tuple[int, Mention]] = []
    plain = tuple(t[0] for t in tokens)  # slices of a tuple of words compare in C
    i = 0
    while i < len(tokens):
        matched = False
        for form, entry, alias in gazetteer.candidates(plain[i]):
            size = len(form)
            if plain[i : i + size] != form:
                continue
            start, end = tokens[i][1], tokens[i + size - 1][2]
            surface = text[start:end]
            if text[end : end + 1] == "-" and text[end + 1 : end + 2].isdigit():
                continue  # "CFR-600" is a model number, not the Council on Foreign Relations
            if _WORD_GOES_ON.match(text, end):
                continue  # "Xi'an" is a city, not Xi Jinping: an apostrophe inside a word joins it
            if not _acceptable(surface, form, entry, alias, lowercase, text, start, full_names_present):
                continue
            if (
                size == 1
                and surface.isupper()
                and _SHOUTED_BEFORE.search(text, max(0, start - 40), start)
                and _SHOUTED_AFTER.match(text, end)
            ):
                continue  # "OTHER PARTIES WHO PROVIDE": a word of a sentence in capitals, not the WHO
            out.append((3, Mention(start, end, entry.type, entry.name, surface)))
            i += size
            matched = True
            break
        if not matched:
            i += 1
    return out


_SHOUTED_BEFORE = re.compile(r"\b[A-Z]{2,}[ ]$")
_WORD_GOES_ON = re.compile(r"[’'](?![sS]\b)[A-Za-z]")  # "Xi'an", "O'Neill", not the possessive "Xi's"
_INNER_APOSTROPHE = re.compile(r"\w[’']\w")
_SHOUTED_AFTER = re.compile(r"[ ][A-Z]{2,}\b")


def _ngram_keys(tokens: list[tuple[str, int, int]]) -> set[str]:
    keys = set()
    for size in (2, 3, 4):
        for i in range(len(tokens) - size + 1):
            keys.add(" ".join(t[0] for t in tokens[i : i + size]))
    return keys


def _acceptable(
    surface: str,
    form: tuple[str, ...],
    entry: EntityInfo,
    alias: str,
    lowercase: bool,
    text: str,
    start: int,
    full_names_present: set[str],
) -> bool:
    if _INNER_APOSTROPHE.search(alias) and not _INNER_APOSTROPHE.search(surface) and not alias.endswith(("'s", "’s")):
        return False  # "Xi'an" needs its apostrophe: "president xi an ally" in a scrape is no city
    if lowercase:
        if len(form) > 1 or form[0] not in COMMON_WORDS:
            return True
        # An ordinary word counts only after a title, or where the full name is in the text too.
        before = text[max(0, start - 25) : start].lower()
        if re.search(r"\b(?:mr|mrs|ms|dr|president|minister|premier|general)\s*$", before):
            return True
        if re.search(r"\b(?:a|an|the|this|that|of|its|his|her|their|our|my|your|in|on|at)\s*$", before):
            return False  # "a blank page", "in may": an ordinary word after a determiner or preposition
        return name_key(entry.name) in full_names_present and name_key(entry.name) != form[0]
    # In cased text a name is capitalised as written: "blank" is not Stephen Blank, "us" not the US.
    first = surface[:1]
    if first.islower() and not alias[:1].islower() and not _DOMAIN.search(alias):
        return False  # web domains are written in lower case: "kremlin.ru" is Kremlin.ru
    # "Us" at a sentence start is not the US: short all-capital names must be written in capitals.
    if len(form) == 1 and alias.isupper() and not surface.isupper() and len(alias) <= 3:
        return False
    # An organisation's or a weapon's two-word name is capitalised at both ends: "The guardian" opening a
    # sentence is not the newspaper, "Russian railways" not Russian Railways (places are written "the
    # Diaoyu islands" too).
    if entry.type == "PLACE" or len(form) != 2 or " " not in alias:
        return True
    return not (alias.rsplit(None, 1)[-1][:1].isupper() and surface.rsplit(None, 1)[-1][:1].islower())


def _rule_mentions(text: str, gazetteer: Gazetteer, headlines: list[tuple[int, int]]) -> list[tuple[int, Mention]]:
    out: list[tuple[int, Mention]] = []

    known_names: dict[str, EntityInfo | None] = {}

    def lookup(name: str) -> EntityInfo | None:
        if name not in known_names:
            known_names[name] = gazetteer.lookup(name)
        return known_names[name]

    def add(kind: str, match: re.Match[str], group: str = "name", priority: int = 1, own: bool = False) -> None:
        add_span(kind, *match.span(group), priority=priority, own=own)

    def add_span(kind: str, start: int, end: int, priority: int = 1, own: bool = False) -> None:
        """own: the words are this kind here whatever a list says of them ("the destroyer Jinan")."""
        surface = text[start:end]
        trimmed = _LEADING_NOISE.sub("", surface)
        start += len(surface) - len(trimmed)
        trimmed = _POSSESSIVE.sub("", trimmed).rstrip(".,;: ")
        if not trimmed or trimmed in _NOT_NAMES or (kind == "PERSON" and not _looks_like_person(trimmed)):
            return
        known = None if own else lookup(trimmed)
        name = known.name if known else trimmed
        if kind == "WEAPON" and known is None and re.search(r"-class \w+s$", trimmed):
            name = trimmed[:-1]  # "Kilo-class submarines" are the Kilo-class submarine
            known = lookup(name)
            name = known.name if known else name
        out.append((priority, Mention(start, start + len(trimmed), known.type if known else kind, name, trimmed)))

    for match in _PERSON_AFTER_TITLE.finditer(text):
        add("PERSON", match, priority=2)
    for match in _PERSON_PAIR_AFTER_TITLE.finditer(text):
        add("PERSON", match, "a", 2)
        add("PERSON", match, "b", 2)
    for pattern in (_PERSON_SAID, _SAID_PERSON, _PERSON_OF_INSTITUTION):
        for match in pattern.finditer(text):
            add("PERSON", match)
    for match in _GIVEN_THEN_NAME.finditer(text):
        first, last = match.group("first"), match.group("last")
        a_name = (first in GIVEN_NAMES or first in CHINESE_FAMILY_NAMES) and last not in NOT_SURNAMES
        numbered = re.match(r"[ ]\d", text[match.end("last") : match.end("last") + 2])  # "Xue Long 2", a ship
        in_headline = _within(headlines, match.start())  # not "The Yuan Goes North"
        if a_name and not numbered and not in_headline:
            add_span("PERSON", match.start("first"), match.end("last"))
    for listed in _ORG_LIST.finditer(text):
        offset = listed.start("items")
        for item in _LIST_ITEM.finditer(listed.group("items")):
            if not re.match(_WHEN, item.group("name")):  # "said investors Monday"
                add_span("ORG", offset + item.start("name"), offset + item.end("name"))
    for match in _PERSON_APPOSITIVE.finditer(text):
        add("PERSON", match, "name" if match.group("name") else "named")
    for comma in _COMMA_BEFORE_CAPITAL.finditer(text):
        role = _ROLE_BEFORE.search(text, max(0, comma.start() - 16), comma.start())
        if role and (named := _NAME_AFTER_ROLE.match(text, comma.end())):
            add("PERSON", named)
    lowered = text.lower()
    for pattern, kind in (
        (_ORG_OF, "ORG"),
        (_ORG, "ORG"),
        (_ORG_DESCRIBED, "ORG"),
        (_ORG_APPOSITIVE, "ORG"),
        (_ORG_POSSESSING, "ORG"),
        (_ORG_ACRONYM_AFTER, "ORG"),
        (_PLACE, "PLACE"),
        (_PLACE_OF, "PLACE"),
        (_PLACE_AFTER_KIND, "PLACE"),
        (_PLACE_NAMED, "PLACE"),
        (_EVENT, "EVENT"),
        (_EXERCISE_BEFORE_KIND, "EVENT"),
        (_OPERATION, "EVENT"),
        (_ARMED_SERVICE, "ORG"),
        (_EVENT_OF, "EVENT"),
        (_SUMMIT, "EVENT"),
        (_EVENT_BEFORE_KIND, "EVENT"),
        (_EVENT_CODENAMED, "EVENT"),
        (_ORG_RUN, "ORG"),
        (_ORG_MAKER, "ORG"),
        (_ORG_OWNER, "ORG"),
        (_ORG_LED, "ORG"),
    ):
        if not _worth_running(pattern, lowered):
            continue
        for match in pattern.finditer(text):
            if pattern is _PLACE_NAMED and match.group("a"):
                add(kind, match, "a")
                add(kind, match, "b")
                continue
            group = next(g for g in ("name", "shown", "agreed", "lived") if match.groupdict().get(g))
            name = match.group(group)
            if pattern is _ORG_MAKER and name.split()[0] in GIVEN_NAMES:
                continue  # "designed by Mikhail Kalashnikov": a person
            if pattern is _ORG_MAKER and match.group("more"):
                for start, end in _list_parts(text, *match.span("more")):
                    add_span(kind, start, end)
            if pattern is _ORG and name.rsplit(None, 1)[-1] in _HEADLINE_VERBS and _within(headlines, match.start()):
                continue  # "Moscow and Beijing Court the Sahel": in a title-case line, a verb
            if (
                pattern is _ORG
                and name.rsplit(None, 1)[-1] in _LOOSE_SUFFIXES
                and _CAPITAL_NEXT.match(text, match.end())
            ):
                continue  # "International Lunar Research Station": the name goes on past the loose word
            if pattern is _EVENT and (drills := _DRILLS_OF.match(name)) and lookup(drills.group("who")):
                continue  # "Baltic Fleet Drills": what a known fleet or country does, not a named event
            if (
                pattern is _EVENT
                and text[match.start() - 1 : match.start()] in ('"', "“")
                and _QUOTE_END.match(text, match.end())
            ):
                continue  # "Chip War", in quotation marks: the title of a book or a film
            if pattern is _ORG and _SHIPS_BEFORE.search(text, max(0, match.start() - 40), match.start()):
                continue  # "tankers such as the Asya Energy": a ship's name, not its owner
            if pattern is _ORG_OF and " and " in name and lookup(name.split(" and ", 1)[1]):
                # "the Bank of China and Gazprom": two names, not one
                add_span(kind, match.start(group), match.start(group) + name.index(" and "))
                continue
            add(kind, match, group)
    for which in _WHICH_OWNS.finditer(text) if "which " in lowered else ():
        if named := _name_before(text, which.start(), _WHICH_NAME, 60):
            add("ORG", named, priority=2)  # over a person "said Baltic Cargo, which operates …"
    for kind_word in _WEAPON_KIND.finditer(text) if _worth_running(_WEAPON_KIND, lowered) else ():
        named = _WEAPON_BEFORE_KIND.search(text, max(0, kind_word.start() - 90), kind_word.start())
        if named is None:
            continue
        for group in ("name", "also") if named.group("also") else ("name",):  # "Minuteman III and Trident II missiles"
            name = named.group(group)
            start, end = named.span(group)
            first, _, rest = name.partition(" ")
            if rest and first in _NOT_NAMES_BEFORE_KIND:  # "Every J-20 fighter": the word before is no part of it
                name, start = rest, start + len(first) + 1
            known = lookup(name)
            # Radars are named after places ("the Voronezh radars", "the Daryal radar"): the name before
            # "radar" is the radar's whatever a list says of it.
            radar = kind_word.group("kind").startswith("radar")
            if (
                name not in _NOT_NAMES_BEFORE_KIND
                and not _NOT_WEAPONS.match(name)
                and (known is None or known.type == "WEAPON" or (radar and known.type == "PLACE"))
            ):
                add_span("WEAPON", start, end, priority=4 if radar else 1, own=radar)
    for match in _CLASS_NUMBER.finditer(text) if "type " in lowered or "project " in lowered else ():
        add("WEAPON", match)
    for match in _SHIP_NAMED.finditer(text) if _worth_running(_SHIP_NAMED, lowered) else ():
        add("WEAPON", match, priority=4, own=True)  # beats the place list: "the destroyer Jinan" is a ship
    for match in _SHIP_APPOSITIVE.finditer(text) if _worth_running(_SHIP_NAMED, lowered) else ():
        add("WEAPON", match, priority=4, own=True)
    for match in _SHIPS_LISTED.finditer(text) if _worth_running(_SHIP_NAMED, lowered) else ():
        add("WEAPON", match, "a", priority=4, own=True)
        add("WEAPON", match, "b", priority=4, own=True)
    for byline in _BYLINE.finditer(text) if "by" in lowered else ():
        offset = byline.start("names")
        for person in _BYLINE_NAME.finditer(byline.group("names")):  # not the places after "in"
            add_span("PERSON", offset + person.start("name"), offset + person.end("name"))
    for match in _MISSION.finditer(text) if "mission" in lowered else ():
        add("EVENT", match, priority=2)
    for match in _EXERCISE.finditer(text):
        add("EVENT", match, priority=2)
    designators = [m for pattern in (_DESIGNATOR, _DESIGNATOR_CODE, _CLASS) for m in pattern.finditer(text)]
    # A model number once followed by "reactor" or "plant" is civil wherever the text names it.
    civil = {m.group("name") for m in designators if _CIVIL_AFTER.match(text[m.end() : m.end() + 24].lower())}
    for match in designators:
        if not _NOT_WEAPONS.match(match.group("name")) and match.group("name") not in civil:
            add("WEAPON", match)
        elif _LINE_AFTER.match(text, match.end()):
            add("PLACE", match)  # "the CASA-1000 line": a named power line or pipeline is a facility
    for day in _DAY.finditer(text):
        if named := _name_before(text, day.start(), _DAY_NAME, 40):
            add_span("EVENT", named.start("name"), day.end())
    for match in _EXERCISE_AFTER_KIND.finditer(text) if _worth_running(_EXERCISE_AFTER_KIND, lowered) else ():
        add("EVENT", match, priority=2)
    # "the Bruegel think tank", "the Intahaka gold mine": the name right before a kind word, no adjective
    for kind_words, kind, window in ((_ORG_KIND, "ORG", 60), (_SITE, "PLACE", 80)):
        for kind_word in kind_words.finditer(text) if _worth_running(kind_words, lowered) else ():
            named = _name_before(text, kind_word.start(), _SITE_NAME, window)
            if named and not _ADJECTIVE_SHAPE.search(named.group("name")):
                add(kind, named)
    for match in _PLACE_SHAPE.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if match.group("name") not in _NOT_PLACE_SHAPES and not re.search(r"[A-Z][\w.-]*[ ]+$", before):
            add("PLACE", match, priority=0)
    for match in _CAMEL_CASE.finditer(text):
        add("ORG", match, priority=0)
    for ending in _ORG_SHAPE_ENDINGS:
        at = text.find(ending)
        while at > 0:
            end = at + len(ending)
            shaped = _ORG_SHAPE.match(text, _word_start(text, at), end + 40) if text[at - 1].islower() else None
            if shaped and shaped.end() == end:
                add("ORG", shaped, priority=0)
            at = text.find(ending, end)
    for match in _MONEY.finditer(text):
        add("MONEY", match)
    for match in _DATE.finditer(text):
        add("DATE", match, priority=0)
    for match in _LONE_MONTH.finditer(text):
        add("DATE", match, priority=0)
    return out


def _word_start(text: str, at: int) -> int:
    """Where the word holding `at` begins."""
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] in "’'-"):
        at -= 1
    return at


# Suffixes that are also words inside longer names: they end a name only where no capital follows.
_LOOSE_SUFFIXES = frozenset({"Research", "Energy", "Maritime"})
_QUOTE_END = re.compile(r"[,.]?[\"”]")
_SHIPS_BEFORE = re.compile(
    r"\b(?i:tankers?|vessels?|ships?|freighters?)(?:,|[ ]+such[ ]+as|[ ]+including|[ ]+named|[ ]+called)?"
    r"[ ]+(?:the[ ]+)?$"
)
_CAPITAL_NEXT = re.compile(r"[ ]+[A-Z]")
_DRILLS_OF = re.compile(r"(?P<who>.+?)[ ]+(?:Drills?|Exercises?|Manoeuvres|Maneuvers)$")
# Organisation suffixes that are also verbs or loose words: in a title-case headline they end no name.
_HEADLINE_VERBS = frozenset(
    "Court Post Guard Review Monitor Exchange Bank Fund Force Forces Police Command Board Front Club Network Party "
    "Lines Union Energy Maritime Capital Service Office Research".split()
)


def _name_before(text: str, at: int, pattern: re.Pattern[str], window: int) -> re.Match[str] | None:
    """The name that ends right before a kind word at `at` ("Navy" of "Navy Day", "Intahaka" of "the
    Intahaka gold mine"): found from the rare kind word back, not from every capital forward."""
    named = pattern.search(text, max(0, at - window), at)
    if named and named.group("name") not in _NOT_NAMES_BEFORE_KIND and named.group("name") not in _NOT_NAMES:
        return named
    return None


# Patterns anchored on a word: one without any of its words in the text cannot match, and a
# substring test costs nothing beside a regex scan.
_ANCHORS = {
    _SUMMIT: ("summit",),
    _ORG_OWNER: ("owned by", "controlled by", "backed by", "acquired by"),
    _ORG_KIND: ("think tank", "thinktank", "consultancy", "news agency", "lobby group", "chipmaker", "carmaker",
                "shipbuilder"),
    _EXERCISE_AFTER_KIND: ("drill", "exercise", "manoeuvres", "maneuvers", "war games"),
    _ORG_POSSESSING: (
        "chief executive", "ceo", "chairman of the board", "board of directors", "shareholders", "shares",
        "share price", "subsidiary", "parent company", "market value", "annual report",
    ),
    _PLACE_OF: (
        "sea of", "gulf of", "strait of", "bay of", "isle of", "islands of", "republic of", "kingdom of",
        "cape of", "port of", "lake of", "hall of", "palace of", "gate of", "mausoleum of", "cathedral of",
        "temple of",
    ),
    _PLACE_AFTER_KIND: ("lake ", "mount ", "mt. ", "cape ", "fort "),
    _PLACE_NAMED: (
        "port of", "city of", "town of", "village of", "region of", "province of", "island of", "district of",
        "oblast of", "capital of", "harbor of", "harbour of", "base of", "airbase of", "ports of", "cities of",
        "towns of", "villages of", "regions of", "provinces of", "islands of", "districts of", "harbors of",
        "harbours of", "bases of", "residents of", "inhabitants of", "villagers of", "mayor of", "outskirts of",
        "suburbs of",
    ),
    _EVENT_OF: (
        "treaty o", "battle o", "siege o", "declaration o", "convention o", "protocol o", "congress o",
        "conference o", "agreement o", "accord o", "peace o",
    ),
    _EVENT_CODENAMED: ("codenamed", "code-named", "dubbed"),
    _ORG_MAKER: (
        "made by", "built by", "produced by", "manufactured by", "supplied by", "developed by", "assembled by",
    ),
    _ORG_RUN: ("runs the", "ran the", "heads the", "headed the", "leads the", "led the", "founded the", "chairs the",
               "chaired the", "directs the", "directed the"),
    _SITE: (
        "mine", "field", "deposit", "terminal", "refinery", "shipyard", "base", "plant", "dam", "spaceport",
        "cosmodrome", "zone", "park", "port", "region", "river", "valley", "district", "basin", "yard", "bridge",
        "province", "oblast", "krai",
        "county", "prefecture", "governorate",
        "tunnel", "site", "ground", "launch cent",
    ),
    _EVENT_BEFORE_KIND: (
        "incident", "parade", "massacre", "uprising", "rebellion", "revolution", "crisis", "clashes", "airshow",
        "air show", "expo", "exhibition", "fair", "games", "olympics", "referendum", "accord", "agreement", "treaty",
        "memorandum", "pact",
    ),
    _OPERATION: ("operation",),
    _ORG_LED: (
        "chairman of", "chairwoman of", "chief executive of", "ceo of", "managing director of", "general director of",
        "director general of",
    ),
    _ARMED_SERVICE: ("navy", "army", "air force", "coast guard"),
    _SHIP_NAMED: (
        "destroyer", "frigate", "corvette", "cruiser", "submarine", "aircraft carrier", "warship", "landing ship",
    ),
    _EXERCISE_BEFORE_KIND: ("exercise", "drills", "war games", "maneuvers", "manoeuvres"),
    _WEAPON_KIND: (
        "missile", "fighter", "bomber", "submarine", "destroyer", "frigate", "corvette", "tank", "drone",
        "launcher", "rocket", "howitzer", "helicopter", "warship", "defense system", "defence system", "batter",
        "radar", "guns", "bomb",
    ),
}  # fmt: skip


def _worth_running(pattern: re.Pattern[str], lowered: str) -> bool:
    anchors = _ANCHORS.get(pattern)
    return anchors is None or any(a in lowered for a in anchors)


# Words that end the names of things, never of people: "the General Public License" is no General.
_NOT_PERSON_END = frozenset(
    "License Licence Licenses Act Law Code Plan Policy Strategy Doctrine Report Program Programme Project "
    "System Library Initiative Index Fund Prize Award Cup Public "
    # roles: "a Senior Fellow at the … Council" names no one
    "Fellow Fellows Director Professor Analyst Researcher Scholar Lecturer Associate Officer Adviser Advisor "
    "Editor Correspondent Chairman Chairwoman President Minister Secretary Ambassador Dean Manager Executive".split()
)


_LINE = re.compile(r"[^\n]+")


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines in title case ("The Yuan Goes North"), where every word is capitalised and two
    capitalised words in a row say nothing about a name."""
    spans = []
    for line in _LINE.finditer(text):
        words_ = line.group().split()
        if line.group().rstrip().endswith("."):
            continue  # a sentence, however short and capitalised: headlines end without a full stop
        if 3 <= len(words_) <= 16 and sum(w[:1].isupper() for w in words_) >= 0.7 * len(words_):
            spans.append(line.span())
    return spans


def _within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` falls in one of the sorted, disjoint spans (a bisection: a text of thousands of
    title-case lines asks this for every name)."""
    i = bisect.bisect_right(spans, (at, float("inf"))) - 1  # the last span starting at or before `at`
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def _looks_like_person(name: str) -> bool:
    parts = name.split()
    if any(p in _NOT_NAMES for p in parts) or parts[-1] in _NOT_PERSON_END:
        return False
    if all(len(p) > 1 and p.isupper() for p in parts):
        return False  # "GNU MPFR": acronyms side by side are not a person's name
    return not re.search(rf"\b(?:{_ORG_SUFFIX}|{_PLACE_SUFFIX}|{_EVENT_SUFFIX})$", name)


# Lowercased text has no capitals to find names by: a regional given name followed by a word shaped
# like a surname of the region ("temur umarov", "elina ribakova"), or by any word after a role
# ("analyst temur umarov"). A lookahead, so pairs overlap ("met elina ribakova").
_LOWER_PERSON = re.compile(r"\b(?=(?P<first>[a-z]{3,})[ ](?P<last>[a-z]{4,})\b)")
_LOWER_ROLE = re.compile(
    r"\b(?:analyst|expert|economist|president|minister|premier|leader|governor|ambassador|spokesman|"
    r"spokeswoman|director|chairman|general|admiral|professor|researcher|journalist)[ ]$"
)
# "cnpc chairman dai houliang": a Chinese family name after a role, then a given name of one or two
# pinyin syllables.
_LOWER_CHINESE_PERSON = re.compile(r"\b(?=(?P<first>[a-z]{1,5})[ ](?P<last>[a-z]{2,10})\b)")
_PINYIN_GIVEN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ong|ing|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u)){1,2}"
)
# English words shaped like pinyin that follow a name in a sentence ("president xi an ally", "minister
# li came"): never a given name there.
_ENGLISH_PINYIN = frozenset(
    "a an in on he she her here we me be ye no go do so to ran run came made gave take make man men one some "
    "come done gone more sure share same seen been being going saying making taking coming giving having "
    "hoping sees saw".split()
)
# Not "-in" ("maria again", "anna within") nor "-ich" ("which"): English ends too many words so.
_SURNAME_SHAPE = re.compile(r"(?:ov|ev|ova|eva|skiy|skaya|enko|yan|shvili|dze|yeva|vich|bekov)$|(?<!ri|us|is|es)ky$")
# "the kazakh foreign ministry": a ministry by its portfolio, and the people's adjective before it.
_LOWER_MINISTRY = re.compile(
    r"\b(?P<name>(?:[a-z]+(?:ian|ese|ish|akh|ch|an|i)[ ])?(?:foreign|defen[cs]e|finance|economy|energy|"
    r"interior|emergencies|trade|justice) ministry)\b"
)


def _lowercase_rule_mentions(text: str, gazetteer: Gazetteer) -> list[tuple[int, Mention]]:
    out: list[tuple[int, Mention]] = []
    for match in _LOWER_PERSON.finditer(text):
        first, last = match.group("first").capitalize(), match.group("last")
        if first not in GIVEN_NAMES or last in COMMON_WORDS:
            continue
        if _SURNAME_SHAPE.search(last) or _LOWER_ROLE.search(text, max(0, match.start() - 14), match.start()):
            start, end = match.start("first"), match.end("last")
            name = f"{first} {last.capitalize()}"
            known = gazetteer.lookup(name)
            out.append((1, Mention(start, end, "PERSON", known.name if known else name, text[start:end])))
    for match in _LOWER_CHINESE_PERSON.finditer(text):
        family, given = match.group("first"), match.group("last")
        if (
            family.capitalize() in CHINESE_FAMILY_NAMES
            and _PINYIN_GIVEN.fullmatch(given)
            and given not in _ENGLISH_PINYIN
            and given not in COMMON_WORDS
            and _LOWER_ROLE.search(text, max(0, match.start() - 14), match.start())
        ):
            start, end = match.start("first"), match.end("last")
            name = f"{family.capitalize()} {given.capitalize()}"
            known = gazetteer.lookup(name)
            out.append((1, Mention(start, end, "PERSON", known.name if known else name, text[start:end])))
    for match in _LOWER_MINISTRY.finditer(text):
        name = match.group("name").title()
        out.append((1, Mention(match.start("name"), match.end("name"), "ORG", name, match.group("name"))))
    for match in _LOWER_DESIGNATOR.finditer(text):
        surface = match.group(0)
        known = gazetteer.lookup(surface)
        if known is not None and known.type == "WEAPON":
            out.append((1, Mention(match.start(), match.end(), "WEAPON", known.name, surface)))
        elif int(match.group("num")) >= 10 and match.group("prefix") not in ("t", "j"):
            name = f"{match.group('prefix').capitalize()}-{match.group('num')}{match.group('suffix').upper()}"
            out.append((1, Mention(match.start(), match.end(), "WEAPON", name, surface)))
    for pattern, kind in ((_MONEY, "MONEY"), (_LOWER_DATE, "DATE")):
        for match in pattern.finditer(text):
            out.append(
                (0, Mention(match.start("name"), match.end("name"), kind, match.group("name"), match.group("name")))
            )
    for match in re.finditer(r"(?<![\w$-])(?:1[89]\d{2}|20\d{2})(?![\w-])", text):
        out.append((0, Mention(match.start(), match.end(), "DATE", match.group(), match.group())))
    return out


class _Taken:
    """Spans already given to mentions, kept sorted by start: an overlap check is two lookups."""

    def __init__(self, mentions: Iterable[Mention] = ()) -> None:
        ordered = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in ordered]
        self.ends = [m.end for m in ordered]

    def free(self, start: int, end: int) -> bool:
        at = bisect.bisect_left(self.starts, start)
        if at < len(self.starts) and self.starts[at] < end:
            return False  # the next span starts inside this one
        return not (at > 0 and self.ends[at - 1] > start)  # or the previous one runs into it

    def take(self, start: int, end: int) -> None:
        at = bisect.bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def _resolve_overlaps(found: list[tuple[int, Mention]]) -> list[Mention]:
    """Longest first, then the more trusted source; no two mentions share a character."""
    ranked = sorted(found, key=lambda pm: (-(pm[1].end - pm[1].start), -pm[0], pm[1].start))
    taken = _Taken()
    chosen: list[Mention] = []
    for _, mention in ranked:
        if taken.free(mention.start, mention.end):
            taken.take(mention.start, mention.end)
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


# "between Blagoveshchensk and Heihe", "from Kashgar to Andijan": the other end of a known place.
_PLACE_PAIR = re.compile(
    rf"\b(?:between|from)[ ]+(?P<a>{_U}[\w’'-]+(?:[ ]{_U}[\w’'-]+)?)[ ]+(?:and|to)[ ]+"
    rf"(?P<b>{_U}[\w’'-]+(?:[ ]{_U}[\w’'-]+)?)(?![\w’'-])"
)


# "at Tianwan in Jiangsu", "near Xudapu in Liaoning": a name placed in a known place.
_PLACE_IN_PLACE = re.compile(
    rf"\b(?:at|near|in)[ ]+(?P<a>{_U}{_LO}[\w’'-]*(?:[ ]{_U}{_LO}[\w’'-]*)?)[ ]+(?:in|on)[ ]+"
    rf"(?P<b>{_U}[\w’'-]+(?:[ ]{_U}[\w’'-]+)?)"
)
# "the smelter at Tursunzoda", "a depot outside Tikhoretsk": where a facility stands.
_FACILITY_AT = re.compile(
    r"\b(?:plant|smelter|factory|mine|refinery|terminal|base|airbase|depot|port|shipyard|yard|facility|camp|"
    r"arsenal|reactor|plants|factories|mines|refineries|terminals|bases|depots|reactors|facilities)[ ]+"
    rf"(?:at|near|outside)[ ]+(?P<a>{_U}{_LO}[\w’'-]*(?:[ ]{_U}{_LO}[\w’'-]*)?)(?![\w’'-]|[ ]+[A-Z])"
)
# "near Dokdo": a name no list holds, placed by where something happened.
_NEAR = re.compile(rf"\bnear[ ]+(?P<a>{_U}{_LO}[\w’'-]*(?:[ ]{_U}{_LO}[\w’'-]*)?)(?![\w’'-]|[ ]+[A-Z])")
# "Huawei, Zoomlion and BelGee": three or more names in a list, each one or a few capitalised words.
# An item may name its owner first ("China's CNNC") and join words with "&" ("Korea Hydro & Nuclear Power").
_OWNER_WORD = rf"{_U}[\w.-]*[’']s[ ]+"
_LIST_NAME = rf"(?:{_OWNER_WORD})?{_CAP}(?:[ ]+(?:&[ ]+)?{_CAP}){{0,3}}"
_OWNER = re.compile(_OWNER_WORD)
_NAME_LIST = re.compile(
    rf"(?<![\w’'-]){_LIST_NAME}(?:,[ ]+{_LIST_NAME}){{1,12}},?[ ]+(?:and|or)[ ]+{_LIST_NAME}(?![\w’'-])"
)
_LIST_SPLIT = re.compile(r",[ ]+(?:and[ ]+|or[ ]+)?|[ ]+(?:and|or)[ ]+")
# "Power of Siberia 2", "Nord Stream 2": a known facility or company with a number is its own.
_NUMBERED = re.compile(r"[ -](?P<n>[2-9])(?![\w.,-]\w)")


def _places_by_company(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name nothing else recognised, paired with a known place by "between ... and" or "from ... to",
    placed in one ("at X in Y"), where something is ("near X") or where a facility stands ("the smelter at
    X"), is a place."""
    if not any(word in text for word in ("between ", "from ", " in ", "near ", " at ", "outside ")):
        return mentions
    by_span = {(m.start, m.end): m for m in mentions}
    taken = _Taken(mentions)
    added: list[Mention] = []
    pairs = [(m, "b", "a") for m in _PLACE_IN_PLACE.finditer(text)]  # the place is the one after "in"
    pairs += [(m, "", "a") for m in _NEAR.finditer(text)] if "near " in text else []
    pairs += [(m, "", "a") for m in _FACILITY_AT.finditer(text)]
    pairs += [(m, known, other) for m in _PLACE_PAIR.finditer(text) for known, other in (("a", "b"), ("b", "a"))]
    for match, known, other in pairs:
        partner = by_span.get(match.span(known)) if known else None
        start, end = match.span(other)
        name = match.group(other)
        if (
            (not known or (partner is not None and partner.type == "PLACE"))
            and taken.free(start, end)
            and not any(word in _NOT_NAMES for word in name.split())
        ):
            taken.take(start, end)
            added.append(Mention(start, end, "PLACE", name, name))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _not_only_in_headlines(
    text: str, mentions: list[Mention], gazetteer: Gazetteer, headlines: list[tuple[int, int]]
) -> list[Mention]:
    """An event no list holds, found only in title-case headlines, is dropped: a headline capitalises
    every word, so "Central Asia's Water War Looms" says nothing of a "Water War"; a named event is
    named again below it."""
    if not headlines:
        return mentions
    starts, ends = [s for s, _ in headlines] + [len(text)], [0] + [e for _, e in headlines]
    body = "\n".join(text[after:before] for before, after in zip(starts, ends, strict=True))
    kept = []
    for m in mentions:
        in_headline = _within(headlines, m.start)
        if (
            in_headline
            # people (bylines), places ("Bering Sea", "the Kambarata Dam") and organisations are often
            # named only there: tried on places too, it lost more real ones than it dropped false ones
            and m.type == "EVENT"
            and m.text not in body
            and gazetteer.lookup(m.text) is None
            and gazetteer.lookup(m.name) is None
        ):
            continue
        kept.append(m)
    return kept


def _list_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the items of a list written in text[start:end], cut at commas, "and" and "or"."""
    parts, at = [], start
    for part in _LIST_SPLIT.split(text[start:end]):
        if part:
            at = text.index(part, at)
            parts.append((at, at + len(part)))
            at += len(part)
    return parts


def _listed_with_known(text: str, mentions: list[Mention], headlines: list[tuple[int, int]]) -> list[Mention]:
    """In a list of three names or more, two or more of them known and all of one kind, a name nothing
    else recognised is that kind too: "Huawei, Zoomlion and BelGee" are three companies."""
    if ", " not in text:
        return mentions
    by_span = {(m.start, m.end): m for m in mentions}
    starts = [m.start for m in mentions]  # mentions come sorted and disjoint
    added: list[Mention] = []
    dropped: set[int] = set()
    for listed in _NAME_LIST.finditer(text):
        if _within(headlines, listed.start()):
            continue  # "Russia, China And The West": a title-case line says nothing of kinds
        items = []
        for start, end in _list_parts(text, *listed.span()):
            owner = _OWNER.match(text, start, end)  # "China's CNNC": the item is CNNC
            items.append((owner.end() if owner and owner.end() < end else start, end))
        known = [by_span[span] for span in items if span in by_span]
        unknown = [span for span in items if span not in by_span]
        kinds = {m.type for m in known}
        if len(known) < 2 or len(kinds) != 1 or not kinds <= {"ORG", "PLACE", "PERSON"} or not unknown:
            continue
        kind = kinds.pop()
        for start, end in unknown:
            # Names inside an item give way to the whole item ("Korea" in "Korea Hydro & Nuclear Power"),
            # unless one is already of the list's kind ("Defense Minister Sergei Shoigu" holds its
            # person); a name running across the item's edge means it is not a whole name.
            first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            inside = [m for m in mentions[first:last] if m.end <= end]
            across = (first > 0 and mentions[first - 1].end > start) or len(inside) < last - first
            name = text[start:end]
            if (
                across
                or any(m.type == kind for m in inside)
                or any(word in _NOT_NAMES for word in name.split())
                or (kind == "PERSON" and not _looks_like_person(name))
            ):
                continue
            dropped.update(id(m) for m in inside)
            added.append(Mention(start, end, kind, name, name))
    if not added:
        return mentions
    return sorted([m for m in mentions if id(m) not in dropped] + added, key=lambda m: m.start)


# Chinese aircraft are named by the city of their maker: "the Xian Y-20", "the Shenyang J-11B".
_MAKER_CITIES = frozenset({"Shenyang", "Chengdu", "Xian", "Xi'an", "Xi’an", "Harbin", "Hongdu", "Changhe", "Guizhou"})


def _makers_of_models(text: str, mentions: list[Mention]) -> list[Mention]:
    """A maker's city right before a model number is part of the model's name, not a place."""
    mentions = list(mentions)
    out: list[Mention] = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None
            and m.type == "PLACE"
            and m.text in _MAKER_CITIES
            and nxt.type == "WEAPON"
            and text[m.end : nxt.start] == " "
            and any(ch.isdigit() for ch in nxt.text)
        ):
            mentions[i + 1] = Mention(m.start, nxt.end, "WEAPON", nxt.name, text[m.start : nxt.end])
            continue
        out.append(m)
    return out


def _numbered(text: str, mentions: list[Mention]) -> list[Mention]:
    """Extend a place or organisation by the number right after it: "Power of Siberia 2" is a pipeline
    of its own, not the first one."""
    out = []
    for i, m in enumerate(mentions):
        # Only names of two words or more: "GCC 5" is a compiler's version, "Nord Stream 2" a pipeline.
        found = _NUMBERED.match(text, m.end) if m.type in ("PLACE", "ORG") and " " in m.text else None
        following = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        if found and found.end() <= following:
            number = found.group("n")
            m = Mention(m.start, found.end(), m.type, f"{m.name} {number}", text[m.start : found.end()])
        out.append(m)
    return out


_CAPITALISED_WORD = re.compile(rf"\b{_U}[^\W_]*")


def _repeated(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name found once is that entity wherever the text repeats it: "Sinotrans" named in a list,
    then alone; "Karlygash Group" set off by what it is, then as the subject of a sentence."""
    kinds = ("ORG", "PLACE", "EVENT", "WEAPON")
    found = {m.text: m for m in mentions if m.type in kinds and len(m.text) >= 3 and m.text[:1].isupper()}
    if not found:
        return mentions
    # Looked up from each capitalised word by its first word, longest name first: a pattern of this
    # document's names would be compiled anew for every document (~1 ms each).
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in sorted(found, key=len, reverse=True):
        if first_word := _CAPITALISED_WORD.match(name):
            by_first[first_word.group()].append(name)
    taken = _Taken(mentions)
    added = []
    after = 0
    for word in _CAPITALISED_WORD.finditer(text):
        start = word.start()
        if start < after or word.group() not in by_first or (start and text[start - 1] in "’'-"):
            continue
        for name in by_first[word.group()]:
            end = start + len(name)
            if text.startswith(name, start) and not (end < len(text) and (text[end].isalnum() or text[end] in "_’'-")):
                if taken.free(start, end):  # not inside or across a mention already there
                    first = found[name]
                    added.append(Mention(start, end, first.type, first.name, name))
                after = end
                break
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _link_surnames(text: str, mentions: list[Mention], lowercase: bool) -> list[Mention]:
    """A surname alone, or after Mr./Ms., is the full name met in the same document."""
    full: dict[str, str] = {}
    for mention in mentions:
        if mention.type == "PERSON" and " " in mention.name:
            parts = mention.name.replace(".", "").split()
            full.setdefault(parts[-1].lower(), mention.name)
            if len(parts) == 2:  # Chinese, Korean, Vietnamese names put the family name first
                full.setdefault(parts[0].lower(), mention.name)
    out = []
    for mention in mentions:
        if mention.type == "PERSON" and " " not in mention.name and mention.name.lower() in full:
            mention = Mention(mention.start, mention.end, "PERSON", full[mention.name.lower()], mention.text)
        out.append(mention)
    taken = _Taken(out)
    if not lowercase and full:
        # Every capitalised word, looked up: one scan with a pattern compiled once, not a pattern
        # of this document's surnames compiled per document.
        for match in _CAPITALISED_WORD.finditer(text):
            name = full.get(match.group().lower())
            start, end = match.span()
            if name is not None and taken.free(start, end):
                out.append(Mention(start, end, "PERSON", name, match.group()))
    return sorted(out, key=lambda m: m.start)
