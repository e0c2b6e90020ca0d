"""The shapes of names: the word lists and regular expressions entity extraction reads text with.

Each pattern here says what a name of one kind looks like in running text ("Foreign Minister Wang
Yi", "the Carnegie Moscow Center", "Su-35", "Joint Sea 2015"); `index.entities` runs them and
decides between what they find, and `index.entity_passes` reconsiders the result as a whole. Each
pattern is run only over the lines holding a literal it needs (`index.line_scan`); the few whose
literals are too many to look for list the words they need in `ANCHORS`.
"""

from __future__ import annotations

import re

from index.dates import MONTH

# Single words that are also ordinary English: in lowercased text they need context to count.
COMMON_WORDS = frozenset(
    "blank sands may march lee long young rich bush miller bal kilo amur west moon li abe us un ap rt "
    "mao deng kim wang geng antonov lukin august june turkey chad jordan georgia wagner sputnik chevron "
    "who cis fed sber rbc gru visa mir ford shell telegram apple meta micron politico argus onyx grad checkmate "
    "javelin patriot tomahawk harpoon stinger switchblade aegis trident neptune intel dell lancet".split()
)
TITLES = (
    r"(?:Deputy |Vice |First Deputy |Former |former |Acting )?(?:Prime Minister|Foreign Minister|Defen[cs]e Minister|"
    r"Finance Minister|Economy Minister|Energy Minister|Minister|Premier|President|Presidents|Vice Premier|"
    r"Chairman|Chairwoman|Secretary of State|Secretary|Ambassador|General|Gen\.|Admiral|Adm\.|Colonel|Col\.|"
    r"Captain|Capt\.|Lieutenant|Lt\.|Sergeant|Marshal|"  # not "Major": "a Major Component"
    r"Senator|Sen\.|Governor|Gov\.|Mayor|Director|Commander|Comrade|Chancellor|King|Queen|Prince|Patriarch|"
    r"Spokesman|Spokeswoman|Spokesperson|Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.|Professor|"
    r"[Aa]nalyst|[Ee]xpert|[Ss]cholar|[Rr]esearcher|[Jj]ournalist|[Ee]conomist|[Hh]istorian|[Oo]fficial|"
    r"[Dd]iplomat|spokesman|spokeswoman|[Cc]ommentator|head|leader|counterpart|colleague|deputy|[Ff]ellow|"
    r"[Aa]dviser|[Aa]dvisor|"
    # in lower case too ("sending foreign minister Subrahmanyam Jaishankar"): a name must follow
    r"(?:prime |foreign |defen[cs]e |finance |economy |energy |deputy |vice )?(?:minister|premier)|president|"
    r"governor|mayor|ambassador|envoy|general|admiral|commander)"
)
SAYING = (
    r"said|says|told|tells|wrote|writes|added|adds|argued|argues|noted|notes|explained|explains|stated|states|"
    r"warned|warns|asked|believes|believed|calls|called|estimated|estimates|suggested|suggests|thinks|thought"
)
# Letters of names beyond ASCII: "Chawryło", "Małaszewicze", "Łódź", "Ürümqi", "Édouard" are names too.
UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())
LOWER = "a-z" + "".join(ch for ch in map(chr, range(0xDF, 0x250)) if ch.islower())
U = f"[{UPPER}]"
# Where a name may start: a capital after no word character. Written as a lookahead and a lookbehind,
# not "\b": the regex engine then skips to the next capital at once (a third to a half faster on the
# patterns that use it, with the same matches).
AT_CAPITAL = rf"(?=[{UPPER}])(?<!\w)"
LO = f"[{LOWER}]"
# Names never cross a line break or a possessive: spaces only, and "Zedong’s" ends a name.
# Every repetition in these patterns is bounded: an unbounded one, tried from each capital of a long
# run of capitals, hyphens or commas, costs time quadratic in the run ("calm under bad input").
NAME_WORD = rf"{U}[{UPPER}{LOWER}\-]{{1,40}}(?![’'][a-z])"
# Initials may open a name: "H.R. McMaster", "J. D. Vance".
NAME = rf"(?:[A-Z]\.(?:[ ]?[A-Z]\.){{0,2}}[ ]?)?{NAME_WORD}(?:[ ]+(?:[A-Z]\.[ ]+)?{NAME_WORD}){{0,2}}"
PERSON_AFTER_TITLE = re.compile(rf"\b{TITLES}[ ]+(?:of {U}{LO}+[ ]+)?(?P<name>{NAME})")
PERSON_PAIR_AFTER_TITLE = re.compile(rf"\b(?:Presidents|Ministers|leaders)[ ]+(?P<a>{NAME})[ ]+and[ ]+(?P<b>{NAME})")
# "said Maria Snegovaya of ...", "according to Ulf Laessing": a name after the verb of saying.
SAID_PERSON = re.compile(
    r"\b(?:said|says|wrote|writes|according to|argues|argued)[ ]+"
    rf"(?P<name>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD})(?![ ]+[A-Z])"
)
# "Alexandra Prokopenko, a former central bank official": a name set off by what the person is.
PERSON_APPOSITIVE = re.compile(
    rf"\b(?P<name>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD}),[ ]+(?:a|an|the)[ ]+(?:[a-z-]+[ ]+){{0,4}}?"
    r"(?:official|analyst|expert|scholar|researcher|economist|professor|director|adviser|advisor|spokesman|"
    r"spokeswoman|diplomat|general|commander|minister|lawmaker|senator|historian|journalist|editor|fellow|"
    r"executive|chairman|founder|president|governor|ambassador)\b"
    # or with no article when the role says of what: "Li Hongzhong, vice chairman of China's ..."
    rf"|\b(?P<named>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD}),[ ]+(?:[a-z-]+[ ]+){{0,2}}?"
    r"(?:chairman|chairwoman|president|director|head|chief|governor|minister|secretary|spokesman|spokeswoman|"
    r"ambassador|commander|founder|editor|professor)(?:[- ]general)?[ ]+(?:of|at)\b"  # "director-general of"
)
# "Lithuania's foreign minister, Gabrielius Landsbergis, said": a name set off after the role.
# Found from the comma, which is rarer than the role words' first letters.
COMMA_BEFORE_CAPITAL = re.compile(r",[ ]+(?=[A-Z])")  # a literal first: the scan skips to each comma
ROLE_BEFORE = re.compile(  # "foreign minister," and "Deputy Prime Minister,"
    r"\b(?i:minister|president|premier|ambassador|envoy|spokesman|spokeswoman|spokesperson|chief|head|leader|"
    r"governor|mayor|director|chairman|chairwoman|adviser|advisor|secretary|commander|counterpart|deputy|analyst|"
    r"economist|expert|founder|editor|correspondent|general|admiral|executive)$"
)
NAME_AFTER_ROLE = re.compile(
    rf"(?P<name>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD})(?=[,.;:)]|[ ]+(?:{SAYING}|who|has|had|was|is)\b)"
)
# "Sergei Radchenko", "Li Hongzhong": a given name (or a Chinese family name) and one more word.
# A lookahead, so pairs overlap: in "As Alexandra Prokopenko" the pair "As Alexandra" must not use up
# "Alexandra".
GIVEN_THEN_NAME = re.compile(
    rf"\b(?=(?P<first>{U}{LO}+(?:-{U}{LO}+)?)[ ]+(?:[A-Z]\.[ ]+)?(?P<last>{U}{LO}+(?:-{U}{LO}+)?)"
    r"(?![\w-]))"
)
# "Chinese brands such as Chery, Haval and Geely": what a list of companies names.
ORG_LIST = re.compile(
    r"\b(?:companies|firms|brands|banks|lenders|carmakers|automakers|manufacturers|producers|exporters|"
    r"traders|outlets|newspapers|broadcasters|agencies|conglomerates|groups|carriers|airlines|shipping lines|"
    r"insurers|miners|refiners|suppliers|retailers|investors|funds|operators|developers|channels|platforms|"
    r"networks|apps|raters),?[ ]+"
    r"(?:(?:such as|including|like)[ ]+)?"  # or straight after the kind: "the domestic agencies ACRA and Expert RA"
    r"(?P<items>[A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*)?(?:(?:,[ ]+|,?[ ]+and[ ]+|,?[ ]+or[ ]+)[A-Z][\w&.-]*"
    r"(?:[ ][A-Z][\w&.-]*)?)*)"
)
LIST_ITEM = re.compile(r"(?:^|,[ ]+|,?[ ]+and[ ]+|,?[ ]+or[ ]+)(?P<name>[A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*)?)")
# Inside a name: "of", "for", "on", "de" (maybe followed by "the"), "&"; never "and", which joins names.
CONNECT = r"(?:(?:of|for|on|de)(?:[ ]+the)?|&)"
# A capitalised word of a name: hyphenated parts capitalised too ("Asia-Pacific", not "U.S.-led").
# A full stop belongs to a word only inside an abbreviation ("U.S.", "St.", "Corp."): after a whole
# word it ends the sentence, and "the Institute for Strategic Studies. Analysts" is two.
CAP_PART = (
    r"(?:[A-Z](?:\.[A-Z]){1,5}\.?|(?:St|Mt|Ft|Co|Corp|Inc|Ltd|Jr|Sr|Bros|Gen|Adm|Col|Lt|Capt|Dr|Prof|Sen|Gov|Rep)\."
    rf"|{U}[\w&]*)"
)
CAP = rf"(?:{CAP_PART}(?:[-–]{CAP_PART}){{0,4}}(?![\w’'–-]|\.\w))"  # "North–South Transport Corridor"
# "Mark Hibbs notes", "Ulf Laessing, a fellow, said", "Ulf Laessing of the Konrad Adenauer Foundation
# said": a name, maybe what the person is or where they work, then the saying.
PERSON_SAID = re.compile(
    rf"\b(?P<name>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD})(?:,[^,\n]{{3,60}},|[ ]+(?:of|at|from)[ ]+(?:the[ ]+)?"
    rf"(?:{CAP}[ ]+(?:{CONNECT}[ ]+)?){{0,6}}{CAP})?[ ]+(?:{SAYING})\b"
)
# "work by Marc Lanteigne of the University of Tromsø": a name before where the person works.
PERSON_OF_INSTITUTION = re.compile(
    rf"\b(?!(?:The|A|An|Its|Their)[ ])"
    rf"(?P<name>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD})"  # "of Harvard University", "of King's College"
    rf"[ ]+(?:of|at|from)[ ]+(?:the[ ]+)?(?:(?:{CAP}|{U}\w*[’']s)[ ]+){{0,4}}"
    r"(?:University|Institute|Center|Centre|Foundation|Endowment|Council|School|Academy|Society|College)\b"
)
# "Richard Fontaine and Andrea Kendall-Taylor of the …": the other person, found back from the first.
PERSON_AND = re.compile(rf"(?<![\w’'-])(?P<name>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD})[ ]+and[ ]+$")
ORG_SUFFIX = (
    r"Ministry|Center|Centre|Council|Institute|University|Bank|Corporation|Corp\.|Company|Organization|"
    r"Organisation|Agency|Committee|Party|Fund|Group|Association|Commission|Administration|Academy|"
    r"Foundation|Service|Fleet|Army|Navy|Force|Forces|Guard|Club|Inc\.|Ltd\.|Times|Post|Journal|Herald|Institution|"
    r"Tribune|News|Daily|Gazette|Gazeta|Review|Monitor|Bureau|Directorate|Command|Duma|Parliament|Industry|"
    r"Senate|Assembly|Court|Exchange|Airlines|Holdings|Industries|Enterprises|Network|Department|Office|"
    r"Authority|Board|Secretariat|Cabinet|Police|Coalition|Union|Pact|Bloc|League|Movement|Front|"
    r"Brigade|Corps|Division|Regiment|Lines|Community|Consortium|Society|Chamber|College|School|Economics|"
    r"Analytics|Consulting|Khural|Majlis|Mazhilis|Rada|Sejm|Kenesh|Bundestag|Knesset|TV|Television|Radio|"
    r"AG|PLC|LLC|PJSC|JSC|OJSC|GmbH|ASA|SpA|Technologies|Technology|Electronics|Semiconductor|Motors|"
    r"Aerospace|Petroleum|Shipping|Logistics|Securities|Investments|Ventures|Metals|Mining|Minerals|Chemicals|Chemical|"
    r"Pharmaceuticals|Capital|Polytech|Polytechnic|Staff|Finance|Energy|Maritime|Shipmanagement|Research|"
    r"Railways|Flotilla|Devices|Ratings|Lab|Laboratory|Instruments|Express|Aviation|Enerji|Energia|Energie"
)
# Suffix-final names have no inner "of": "X of the Y Institute" is a person or place before an org.
# Possessives inside a name: "the Prosecutor General's Office", "the Workers' Party".
INNER_POSSESSIVE = r"(?:(?:General|People|Women|Children)[’']s|(?:Worker|Farmer|Veteran)s[’'])"
# Pairs joined inside a company's name: "China National Precision Machinery Import and Export Corporation".
INNER_PAIR = (
    r"(?:Import[ ]+(?:and|&)[ ]+Export|Research[ ]+(?:and|&)[ ]+Development|Science[ ]+(?:and|&)[ ]+Technology|"
    r"Oil[ ]+(?:and|&)[ ]+Gas|Trade[ ]+(?:and|&)[ ]+Industry|Mining[ ]+(?:and|&)[ ]+Metallurgical)"
)
ORG_WORD = rf"(?:{INNER_PAIR}|{CAP}|{INNER_POSSESSIVE})"
ORG = re.compile(
    rf"{AT_CAPITAL}(?P<name>{ORG_WORD}[ ]+(?:{ORG_WORD}[ ]+){{0,5}}(?:{ORG_SUFFIX}))(?:(?<=\.)|\b)"
)  # "Corp." ends with its dot
# "the 78th Group Army", "the 6th Fleet", "the 155th Marine Brigade": a unit by its number.
ORG_NUMBERED = re.compile(rf"\b(?P<name>\d{{1,3}}(?:st|nd|rd|th)[ ]+(?:{CAP}[ ]+){{0,4}}(?:{ORG_SUFFIX}))\b")
# "the 20th Party Congress", "the Third Plenum" are events, not the party.
EVENT_NUMBERED = re.compile(
    r"\b(?P<name>(?:\d{1,3}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh)[ ]+"
    rf"(?:{CAP}[ ]+){{0,3}}(?:Congress|Plenum|Session|Summit|Forum|Conference))\b"
)
# "(Valdaiclub.com, February 18)": a website cited as a source is its publisher.
ORG_SITE = re.compile(
    r"(?<![\w.@/-])(?P<name>[A-Z][A-Za-z0-9-]+\.(?:com|ru|cn|org|net|info)(?:\.[a-z]{2})?)(?![\w/.-]\w)"
)
ORG_DESCRIBED = re.compile(
    r"\b(?:company|firm|group|bank|agency|outlet|newspaper|broadcaster|manufacturer|producer|operator|giant|"
    r"conglomerate|carrier|lender|maker|exporter|think tank|news agency|subsidiary|affiliate)[ ]+"
    rf"(?P<name>{CAP}(?:[ ]+(?:of[ ]+)?{CAP}){{0,2}})"  # "the rights group Bits of Freedom"
)
ORG_NOUNS = (
    r"company|firm|group|bank|agency|outlet|newspaper|broadcaster|manufacturer|producer|operator|giant|"
    r"conglomerate|carrier|lender|maker|carmaker|automaker|exporter|importer|trader|insurer|developer|"
    r"think tank|news agency|fund|miner|shipbuilder|shipping line|start-up|startup|subsidiary|holding|"
    r"consortium|joint venture|venture|cooperative|lobby group|trade body|chipmaker|think tank|consultancy|"
    r"national railway|state railway|railway company|railway operator|airline|regulator|utility|smelter|"
    r"steelmaker"
)
# "Karlygash Group, a Kazakh-Russian investment firm", "Tordan, a Shenzhen trader": an organisation
# set off by what it is.
ORG_APPOSITIVE = re.compile(
    rf"{AT_CAPITAL}(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}}),[ ]+(?:a|an|the|{U}[\w.-]*[’']s)[ ]+"
    rf"(?:[\w’'-]+[ ]+){{0,4}}?(?:{ORG_NOUNS})\b(?![’'])"  # not "X, the company's founder"
)
# "the military intelligence agency, the HUR", "the customs service (FCS)": an acronym after what it is.
ORG_ACRONYM_AFTER = re.compile(
    r"\b(?:agency|service|directorate|ministry|company|bank|committee|council|fund|corporation|bureau|"
    r"administration|authority),?[ ]+(?:the[ ]+|known[ ]+as[ ]+|\()(?P<name>[A-Z]{2,6})\b"
)
# "the Swiss-registered Epsilon Development", "the Moscow-based Vedomosti": a company by where it is.
ORG_REGISTERED = re.compile(
    rf"\b[A-Z][A-Za-z]*-(?:registered|based|headquartered|listed)[ ]+(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}})"
)
# "Analysts at Natixis", "an economist at Renaissance Capital": where analysts work is an organisation.
ORG_AT_WORK = re.compile(
    r"\b(?i:analysts|economists|strategists|researchers|scholars|experts|an analyst|an economist|a strategist|"
    rf"a researcher)[ ]+(?:at|with)[ ]+(?:the[ ]+)?(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}})(?![’'])"
)
# "a BRICS payment platform, BRICS Bridge, built on …": a name set off after what it is.
ORG_AFTER_KIND = re.compile(
    r"\b(?:platform|system|company|firm|bank|network|exchange|consortium|venture|start-up|startup|operator|outlet|"
    rf"newspaper|broadcaster|lender|insurer|agency),[ ]+(?P<name>{CAP}(?:[ ]+{CAP}){{0,2}}),(?![ ]+(?:{SAYING})\b)"
)
# "Novatek's chief executive", "shares of X": what only a company has.
ORG_POSSESSING = re.compile(
    rf"{AT_CAPITAL}(?P<name>{CAP}(?:[ ]+{CAP}){{0,2}})[’']s[ ]+(?:chief executive|CEO|chairman of the board|"
    r"board of "
    r"directors|shareholders|shares|share price|subsidiary|parent company|market value|annual report)\b"
)
# Days and months end a name: "the Treasury Department on Thursday" is not the Department on Thursday.
WHEN = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b"
)
# "the Oxford Institute for Energy Studies", "the Economic Community of West African States".
ORG_OF = re.compile(
    rf"{AT_CAPITAL}(?P<name>(?:{CAP}[ ]+){{0,3}}(?:Ministry|Bank|University|Council|Institute|Academy|"
    r"Department|Office|"
    r"Commission|Committee|Community|Organization|Organisation|Union|League|Association|Conference|Bureau|Agency|"
    r"Administration|Service|Directorate|Authority|"
    r"Court|Fund|Federation|Foundation|Society|Chamber|College|School|Center|Centre)"
    rf"[ ]+(?:of|for|on)[ ]+(?:the[ ]+)?(?!{WHEN}){CAP}(?:[ ]+(?:(?:{CONNECT}|and)[ ]+)*(?!{WHEN}){CAP}){{0,5}})"
)  # "and" may join its last words ("Ministry of Industry and Trade"); a known name after it is cut off
PLACE_SUFFIX = (
    r"Sea|Ocean|Island|Islands|Mountains|Peninsula|Strait|Gulf|River|Lake|Square|Province|Region|Oblast|"
    r"Krai|Canal|Bay|Desert|Valley|Street|Avenue|Airport|Port|Zone|Pipeline|Bridge|Plateau|Basin|Coast|"
    r"Territory|Republic|Kingdom|Emirates|Route|Passage|Corridor|Railway|Highway|Gap|Pass|Heights|Archipelago|"
    r"Reef|Atoll|Harbor|Harbour|Cosmodrome|Spaceport|Shipyard|Dam|Exclave|Empire"
)
PLACE = re.compile(rf"{AT_CAPITAL}(?P<name>(?:{CAP}[ ]+){{1,4}}(?:{PLACE_SUFFIX})(?:[ ]+(?:Route|Passage))?)\b")
# "the port of Rajin", "the town of Kidal": a place named by what it is.
PLACE_NAMED = re.compile(
    r"\b(?:port|city|town|village|region|province|island|district|oblast|capital|harbou?r|base|airbase)[ ]+of[ ]+"
    rf"(?P<name>(?:St\.[ ]+)?{U}[\w'-]*(?:[ ]+{U}[\w'-]*){{0,2}})"  # no dots: a name ends with its sentence
    # "residents of Solton-Sary", "the outskirts of Kherson": who lives in a place, and its edges
    r"|\b(?i:residents|inhabitants|villagers|mayor|outskirts|suburbs)[ ]+of[ ]+"
    rf"(?P<lived>{U}[\w'-]*(?:[ ]+{U}[\w'-]*)?)"
    # "the ports of Aktau and Kuryk": two places after a plural kind
    rf"|\b(?:ports|cities|towns|villages|regions|provinces|islands|districts|harbou?rs|bases)[ ]+of[ ]+"
    rf"(?P<a>{U}[\w'-]*(?:[ ]+{U}[\w'-]*)?)[ ]+and[ ]+(?P<b>{U}[\w'-]*(?:[ ]+{U}[\w'-]*)?)"
)
# "the Intahaka gold mine", "the Agadem field", "the Zvezda shipyard": a named site before its kind.
# Found from the kind word back: the kind words are rare, capitalised words are everywhere.
SITE = re.compile(
    r"[ ](?:(?:gold|copper|lithium|uranium|coal|nickel|iron ore|oil|gas|nuclear|power|hydroelectric)[ ]+)?"
    r"(?:mine|field|oilfield|deposit|terminal|refinery|shipyard|airbase|air base|naval base|power plant|"
    r"nuclear plant|dam|spaceport|cosmodrome|special economic zone|economic zone|industrial park|free port|"
    r"region|river|valley|district|basin|yard|railway bridge|road bridge|bridge|tunnel|plant|factory|province|"
    r"oblast|krai|county|prefecture|governorate|launch site|test site|testing ground|proving ground|"
    r"launch cent(?:er|re)|railway|railroad|pipeline|border crossing|crossing|checkpoint)\b"
)
# "the Kandym and Gissar fields": two sites before a plural kind.
SITES = re.compile(
    r"[ ](?:(?:gold|copper|lithium|uranium|coal|nickel|oil|gas|nuclear|power)[ ]+)?"
    r"(?:mines|fields|oilfields|deposits|terminals|plants|refineries|shipyards)\b"
)
SITE_PAIR = (
    re.compile(  # after "the" or a possessive: "the Kandym and Gissar fields", "Russia's Yamal and Gydan fields"
        rf"(?:\b[Tt]he|[’']s)[ ]+(?P<a>{CAP}(?:[ ]+{CAP})?),?[ ]+and[ ]+(?P<b>{CAP}(?:[ ]+{CAP})?)$"
    )
)
# "the Bruegel think tank", "the Interfax news agency": an organisation named before what it is.
ORG_KIND = re.compile(
    r"[ ](?:think tank|thinktank|consultancy|news agency|lobby group|chipmaker|carmaker|shipbuilder)\b"
)
# "a joint drill, CASAREX 2024,": an exercise named after its kind, with its year.
EXERCISE_AFTER_KIND = re.compile(
    r"\b(?:drills?|exercises?|manoeuvres|maneuvers|war games),[ ]+"
    rf"(?P<name>{CAP}(?:[ ]+{CAP}){{0,2}}[ -](?:19|20)\d{{2}})\b"
)
# "the Far Eastern region", "the Arctic region": adjectives before a kind word are not its name.
ADJECTIVE_SHAPE = re.compile(r"(?:ian|ean|ese|ish|ern|ic)$")  # not "-an": Jiangnan, Sudan, Taiwan
# Demonyms of other shapes: "a Kazakh uranium mine" names no place "Kazakh".
DEMONYMS = frozenset(
    "Kazakh Uzbek Tajik Kyrgyz Kirghiz Turkmen Mongol Buryat Tatar Bashkir Chechen Uyghur Uighur Tibetan Azeri "
    "Azerbaijani Afghan Pakistani Bangladeshi Nepali Thai Lao Khmer Burmese Iraqi Israeli Saudi Emirati Qatari "
    "Kuwaiti Omani Yemeni Czech Slovak Serb Croat Dutch Greek Swiss Sami Inuit Yakut Evenk Chukchi Turkic Slav "
    "Cossack Manchu Han Hui".split()
)


def is_adjective(name: str) -> bool:
    """Whether the words before a kind word are a people's adjective, not a name ("the Far Eastern region",
    "a Kazakh uranium mine", "the Russian war")."""
    return bool(ADJECTIVE_SHAPE.search(name)) or LEADING_NOISE.sub("", name) in DEMONYMS


# Joined by spaces, or by an en dash between the two ends of a bridge or line ("Nizhneleninskoye–Tongjiang").
# A numbered site: "the Dushanbe-2 power plant".
SITE_NAME = re.compile(rf"(?<![\w’'-])(?P<name>{CAP}(?:(?:[ ]+|–){CAP}){{0,2}}|{U}{LO}+-\d{{1,2}})$")
# Words shaped like the region's place names: Minsk, Kaliningrad, Uzbekistan, Sevastopol, Yekaterinburg.
# Trusted least (any named entity over the same words wins), and never the last word of a longer name.
PLACE_SHAPE = re.compile(
    rf"(?<![\w’'-])(?P<name>{U}{LO}{{2,}}(?:sk|grad|stan|opol|burg|stadt|gorod|abad|ovo|evo|owice|icze))"
    r"(?![\w’'-]|[ ]+[A-Z])"
)
# "RusHydro", "PetroChina", "KazMunayGas": a capital inside a word marks a company's name; not the
# prefixes of people's names ("McFaul", "DeSantis", "MacArthur").
NOT_CAMEL_CASE_ORGS = frozenset({"BeiDou"})  # a satellite navigation system, like GLONASS and GPS
CAMEL_CASE = re.compile(
    r"(?<![\w’'-])(?!(?:Mc|Mac|De|Le|La|Di|Da|Van|Von|O)[A-Z])(?P<name>[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+)(?![\w’'-])"
)
# Words shaped like the region's company names: Kazatomprom, Rosneft's "…neft", Sberbank, Sovcomflot,
# Rosatom, Naftogaz. Trusted least, like place shapes. Found from the ending back (a substring search
# per ending): endings are rare, capitals everywhere.
ORG_SHAPE_ENDINGS = ("prom", "neft", "bank", "flot", "energo", "atom", "gaz")
ORG_SHAPE = re.compile(rf"(?<![\w’'-])(?P<name>{U}{LO}{{2,}})(?![\w’'-]|[ ]+[A-Z])")
NOT_PLACE_SHAPES = frozenset("Flask Kiosk Whisk Brisk Asterisk Obelisk Basilisk Tamarisk Damask Interpol".split())
# "Lake Balkhash", "Mount Paektu", "Cape Chelyuskin": a place named after its kind.
PLACE_AFTER_KIND = re.compile(rf"\b(?P<name>(?:Lake|Mount|Mt\.|Cape|Fort)[ ]+{CAP}(?:[ ]+{CAP})?)(?![\w’'-])")
PLACE_OF = re.compile(
    rf"{AT_CAPITAL}(?P<name>(?:Great[ ]+)?(?:Sea|Gulf|Strait|Bay|Isle|Islands|Republic|Kingdom|Cape|Port|Lake|"
    r"Hall|Palace|"
    rf"Gate|Mausoleum|Cathedral|Temple)[ ]+of[ ]+(?:the[ ]+)?{CAP}"
    rf"(?:[ ]+{CAP})?)"
)
EVENT_SUFFIX = (
    r"War|Summit|Forum|Exercise|Exercises|Drills?|Treaty|Agreements?|Accords?|Conference|Games|Olympics|"
    r"Parade|Crisis|Revolution|Talks|Dialogue|Expo|Festival|Convention|Declaration|Protocol"
)
EVENT = re.compile(rf"{AT_CAPITAL}(?P<name>(?:{CAP}[ ]+(?:{CONNECT}[ ]+)*){{1,5}}(?:{EVENT_SUFFIX}))\b")
# "the Malabar exercise", "the Northern Shield 2024 drills": a named exercise before its kind.
EXERCISE_BEFORE_KIND = re.compile(
    rf"{AT_CAPITAL}(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}}(?:[ ](?:19|20)\d{{2}})?)[ ]+(?:naval |joint |military |air )?"
    r"(?:exercise|exercises|drills|war games|maneuvers|manoeuvres)\b"
)
# "the exercise, codenamed Ocean Shield", "an operation dubbed Rolling Thunder".
EVENT_CODENAMED = re.compile(
    r"\b(?:exercises?|drills?|operation|manoeuvres|maneuvers|war games|offensive|mission)[ ,]+[^.\n]{0,30}?"
    rf"\b(?:codenamed|code-named|dubbed)[ ]+(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}}(?:[ -](?:19|20)\d{{2}})?)"
)
# "a copy of one made by Limbach Flugmotoren": who makes or builds a thing is an organisation.
# "a digital bank owned by Otkritie": one word after "owned by" is a company (two may be a person's name).
ORG_OWNER = re.compile(rf"\b(?:owned|controlled|backed|acquired)[ ]+by[ ]+(?P<name>{CAP})(?![ ]+{U})")
ORG_MAKER = re.compile(
    r"\b(?:made|built|produced|manufactured|supplied|developed|assembled)[ ]+by[ ]+(?:the[ ]+)?"
    rf"(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}})(?P<more>(?:,[ ]+{CAP}(?:[ ]+{CAP}){{0,3}}){{0,6}},?[ ]+and[ ]+"
    rf"{CAP}(?:[ ]+{CAP}){{0,3}})?"
)  # and the rest of a list of makers: "made by Texas Instruments, Analog Devices and Infineon"
# "who runs the Boreal Forest Platform": what a person runs, heads or founded is an organisation.
ORG_RUN = re.compile(
    r"\b(?:runs|ran|heads|headed|leads|led|founded|co-founded|chairs|chaired|directs|directed)[ ]+the[ ]+"
    rf"(?P<name>{CAP}(?:[ ]+(?:{CONNECT}[ ]+)?{CAP}){{1,5}})"
)
# "chairman of Kazakhstan Temir Zholy", "Baltic Cargo, which operates": who has a chairman or owns,
# operates and employs is an organisation.
ORG_LED = re.compile(
    r"\b(?:chairman|chairwoman|chief executive|CEO|managing director|general director|director general)[ ]+of[ ]+"
    rf"(?:the[ ]+)?(?P<name>{CAP}(?:[ ]+(?:{CONNECT}[ ]+)?{CAP}){{0,4}})"
)
# "X, which operates …", "Saneg, owned by …": found from the comma's words, the name back.
WHICH_OWNS = re.compile(
    r",[ ]+(?:which[ ]+(?:operates|owns|employs|manufactures)|(?:owned|controlled|founded|acquired)[ ]+by)\b"
)
WHICH_NAME = re.compile(rf"(?<![\w’'-])(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}})$")
# "the Treaty of Nerchinsk", "the Battle of Stalingrad": an event named before "of".
EVENT_OF = re.compile(
    r"\b(?P<name>(?:Treaty|Battle|Siege|Declaration|Convention|Protocol|Congress|Conference|Agreement|Accord|"
    rf"Peace)[ ]+(?:of|on)[ ]+(?:the[ ]+)?{CAP}(?:[ ]+(?:{CONNECT}[ ]+)*{CAP}){{0,3}})"
)
# "the Damansky Island incident", "the Victory Day parade": a name before a lower-case event word,
# after "the" (a demonym alone is no name: "the Russian offensive" is not one).
EVENT_KIND = (
    r"incident|parade|massacre|uprising|rebellion|revolution|crisis|clashes|airshow|air show|expo|games|olympics|"
    r"referendum|accords?|war"
)
EVENT_NAME_BEFORE = rf"{CAP}(?:[ ]+{CAP}){{0,3}}(?:[ ](?:19|20)\d{{2}})?"
EVENT_BEFORE_KIND = re.compile(
    rf"\b[Tt]he[ ]+(?P<name>{EVENT_NAME_BEFORE}[ ]+(?:{EVENT_KIND}))\b"
    # "the 2014 Power of Siberia agreement": an agreement named for what it is about
    rf"|\b[Tt]he[ ]+(?:(?:19|20)\d{{2}}[ ]+)?(?P<agreed>{CAP}(?:[ ]+(?:{CONNECT}[ ]+)?{CAP}){{0,4}}[ ]+"
    r"(?:agreement|agreements|treaty|memorandum|pact))\b"
    # an exhibition's own name stops before the word: "the Airshow China exhibition"
    rf"|\b[Tt]he[ ]+(?P<shown>{EVENT_NAME_BEFORE})[ ]+(?:exhibition|trade fair|arms fair)\b"
)
# "Operation Barkhane", "the BRICS summit in Kazan": named operations and summits are events.
OPERATION = re.compile(rf"{AT_CAPITAL}(?P<name>Operation[ ]+{CAP}(?:[ ]+{CAP}){{0,2}})")
# "Navy Day", "Victory Day", "Unity Day": a named day is an event (found from "Day" back).
DAY = re.compile(r"(?<=\w)[ ]Day\b")
DAY_NAME = re.compile(rf"(?<![\w’'-])(?P<name>{CAP}(?:[ ]+{CAP})?)$")
# "Type 052D", "Project 22350": Chinese and Russian warship classes by number (not a year).
CLASS_NUMBER = re.compile(r"\b(?P<name>(?:Type|Project)[ ](?!(?:19|20)\d\d\b)\d{3,5}[A-Z]{0,2})\b")
# "the destroyer Jinan", "the aircraft carrier Shandong": a warship named after its kind, whatever
# else the name is (a city, a province); icebreakers and tankers are not weapons.
SHIP_KINDS = r"(?:destroyer|frigate|corvette|cruiser|submarine|aircraft carrier|warship|landing ship)"
SHIP_NAMED = re.compile(
    rf"\b{SHIP_KINDS}(?:,[ ]+the)?[ ]+(?P<name>[A-Z][a-z]+(?:[’'][a-z]+)?(?:[ ][A-Z][a-z]+)?)(?![\w’'-])"
)  # "the destroyer Jinan", "a Type 055 destroyer, the Lhasa,"
# "the Admiral Levchenko, an upgraded Udaloy-class destroyer": a ship set off by what it is.
SHIP_APPOSITIVE = re.compile(
    rf"\b[Tt]he[ ]+(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}}),[ ]+an?[ ]+(?:[\w-]+[ ]+){{0,4}}?{SHIP_KINDS}\b"
)
# "Two Borei-A submarines, the Knyaz Pozharsky and the Imperator Aleksandr III", "the corvettes
# Sovershenny and Gromky": ships after their kind.
SHIPS_LISTED = re.compile(
    rf"\b{SHIP_KINDS}s(?:,[ ]+the)?[ ]+(?P<a>{CAP}(?:[ ]+{CAP}){{0,3}})[ ]+and[ ]+(?:the[ ]+)?"
    rf"(?P<b>{CAP}(?:[ ]+{CAP}){{0,3}})"
)
# "the Russian navy", "China's air force": a country's armed service, named in lower case.
ARMED_SERVICE = re.compile(
    r"\b(?P<name>(?:Russian|Chinese|Ukrainian|Indian|Japanese|American|U\.S\.|Iranian|North Korean|South Korean|"
    r"Pakistani|Vietnamese|Taiwanese|Soviet|[A-Z][a-z]+[’']s)[ ](?:navy|army|air force|coast guard|Navy|Army|"
    r"Air Force|Coast Guard))\b"
)
# "By Olga Popova and Ethan Wang", "(Reporting by X in Y; Editing by Z)": the people of a byline.
BYLINE = re.compile(
    r"(?:^|\(|;[ ]*)(?:By|By:|Reporting by|Additional reporting by|Editing by|Writing by|reporting by)[ ]+"
    rf"(?P<names>{NAME}(?:(?:[ ]+in[ ]+{CAP}(?:[ ]+{CAP})?)?(?:,[ ]+|[ ]+and[ ]+){NAME})*)",
    re.MULTILINE,
)
BYLINE_NAME = re.compile(rf"(?:^|,[ ]+|[ ]+and[ ]+)(?P<name>{NAME})")
SUMMIT = re.compile(rf"{AT_CAPITAL}(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}}[ ]+summit)\b")
# "the BrahMos cruise missile", "Tsirkon missiles", "the Kazan submarine": a name before a weapon noun.
# "Kalibr cruise missiles", "Wing Loong drones" (two words, unless the first is a demonym: "Russian
# Lancet drones"), "Minuteman III and Trident II missiles". Found from the kind word back: the kind
# words are rare, capitals everywhere.
WEAPON_KIND = re.compile(
    r"[ ](?P<kind>missile system|missiles?|fighters?|bombers?|submarines?|destroyer|frigate|corvette|tanks?|"
    r"drones?|launchers?|rockets?|howitzers?|helicopters?|warship|air defen[cs]e system|battery|batteries|radars?|"
    r"self-propelled guns?|guns|glide bombs?)\b"
)
WEAPON_BEFORE_KIND = re.compile(
    rf"(?<![\w’'-])(?P<name>(?:(?![A-Z][a-z]+(?:ian|ese|ish|ean|an)[ ]){CAP_PART}[ ]+)?"
    rf"{CAP_PART}(?:-(?:{CAP_PART}|\d{{1,4}}[A-Z]?))?)(?:[ ]+and[ ]+(?P<also>{CAP_PART}(?:[ ]+{CAP_PART})?"
    rf"(?:-(?:{CAP_PART}|\d{{1,4}}[A-Z]?))?))?(?:[ ]+(?:cruise|ballistic|anti-ship|hypersonic|air-defen[cs]e|"
    r"surface-to-air|nuclear|attack|multirole|stealth|strategic|long-range|kamikaze|loitering|light|heavy|combat|"
    r"strike|main battle|"
    r"[a-z]+-[a-z]+(?:-[a-z]+)?)){0,2}$"  # and two hyphenated ones: "intermediate-range", "air-launched"
)
EXERCISE = re.compile(
    AT_CAPITAL
    + r"(?P<name>(?:Joint Sea|Vostok|Zapad|Tsentr|Kavkaz|Peace Mission|Northern Interaction|Maritime Security Belt|"
    r"Mosi|Aerospace Security|Army Games)[- ](?:19|20)\d{2}|[A-Z][a-z]+(?:[ /][A-Z][a-z]+){0,4}-(?:19|20)\d{2}[A-Z]?)\b"
)
DESIGNATOR = re.compile(
    AT_CAPITAL
    + r"(?P<name>(?:[A-Z][A-Za-z]{0,3}|[A-Z]{2,4})-\d{1,3}[A-Z]{0,3}(?:\d[A-Z]{0,2})?(?:-\d{1,2})?(?:/[A-Z]{1,2})?"
    r"|[A-Z][a-z]{4,7}-\d{2,3}[A-Z]?|[A-Z][a-z]{2,7}-[A-Z]{1,2}\d{1,2}[A-Z]?)"
    r"(?![\w-])"
)  # "Su-35", "S-400", "Kh-47M2", "AL-41F1S", "HQ-9/P"; with a longer name: "Shahed-136", "Pantsir-S1", "Tor-M2"
# "40N6", "9M727", "2S19", "3M22"; not quarters and halves ("2Q23", "1H2024")
DESIGNATOR_CODE = re.compile(r"\b(?P<name>\d{1,2}(?![QH])[A-Z]\d{1,3}[A-Z]{0,2}\d?)\b")
CLASS = re.compile(
    r"\b(?P<name>[A-Z][a-z]+-class(?:\s+(?:submarine|destroyer|frigate|corvette|cruiser|carrier|icebreaker)s?)?)"
)
# Designator-shaped names that are not weapons: regulations, flights, ratings ("A-1", not the A-50 radar
# plane), and spacecraft and their missions.
NOT_WEAPONS = re.compile(
    r"^(?:COVID|G|A(?=-\d(?!\d))|H1N1|MH|Form|Article|Resolution|Route|Highway|Chapter|Section|Luna|Soyuz|"
    r"Shenzhou|Tianzhou|Tianwen|Tiangong|Apollo|Artemis|Progress|Proton|Angara|Kosmos|Venera|Falcon|Ariane|Vega|"
    r"Zenit|Long March|March)-",
    re.I,
)
# A model number before these words names a reactor, a plant or a car, not a weapon: "VVER-1200 reactors".
CIVIL_AFTER = re.compile(
    # "power units" are reactors, but bare "units" may be a regiment's ("Pantsir-S1 units")
    r"\s+(?:fast |nuclear |power |research |transmission )?(?:reactors?|(?:power|nuclear|reactor) units?|"
    r"power plants?|plants?|cars?|trucks?|"
    r"lines?|pipelines?|projects?|satellites?)\b"
)
LINE_AFTER = re.compile(r"\s+(?:transmission |power )?(?:lines?|pipelines?)\b")
# "the Chang'e-8 mission": a numbered mission is an event.
MISSION = re.compile(r"\b(?P<name>[A-Z][\w'’]*(?:[ ][A-Z][\w'’]*)?[- ]\d{1,3}[A-Z]?)[ ]+mission\b")
# A pronoun, determiner or demonym before a kind word is not a name: "Its fighters", "the Russian gas field".
NOT_NAMES_BEFORE_KIND = frozenset(
    "Its It Their His Her Our Your My The A An These Those This That Some Many Most All Both Several Few New Old "
    "Two Three Four Five Russian Chinese American Soviet Ukrainian Iranian Indian Western Every Each Any No "
    "Other Such "
    # generic classes, not names: "FPV drones", "ICBM silos"
    "FPV UAV UAVs UAS SAM ATGM ATGMs MLRS MANPADS ICBM ICBMs SLBM IRBM SRBM".split()
)
LOWER_DESIGNATOR = re.compile(
    r"\b(?P<prefix>s|su|mig|tu|kh|il|ka|mi|df|hq|jl|yak|j|t)[ -]?(?P<num>\d{2,3})(?P<suffix>[a-z]{0,2})\b"
)
MONEY = re.compile(
    r"(?=[uUaAcChH$\d])(?P<name>(?:US|U\.S\.|A|C|HK)?\$\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|mn)\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s(?:million|billion|trillion)(?:\s(?:dollars|rubles|roubles|yuan|euros|yen|"
    r"won|rupees|pounds))?\b(?!\s(?:people|persons|tons|tonnes|cubic|barrels|residents|users|years|"
    r"citizens|inhabitants|troops|soldiers|miles|kilometers|km))"
    r"|\b\d[\d,]*(?:\.\d+)?\s(?:dollars|rubles|roubles|yuan|euros|yen|rupees)\b)",
    re.IGNORECASE,
)
# The lookaheads only skip, at once, the many places no alternative can start (the same for money).
DATE = re.compile(
    rf"(?=[JFMASONDWt\d])(?P<name>\b{MONTH}\s+\d{{1,2}}(?:,\s*(?:19|20)\d{{2}})?\b(?!,\d)"
    rf"|\b\d{{1,2}}\s+{MONTH}(?:\s+(?:19|20)\d{{2}})?\b"
    rf"|\b{MONTH}(?:\s+of)?\s+(?:19|20)\d{{2}}\b"
    r"|\b(?:Spring|Summer|Fall|Autumn|Winter)\s+(?:19|20)\d{2}\b"
    r"|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"
    r"|\b(?:the\s+)?(?:1[89]|20)\d0s\b"
    r"|(?<![$\w-])(?:1[89]\d{2}|20\d{2})(?![\w-]))"
)
LOWER_DATE = re.compile(
    r"(?P<name>\b(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+(?:\d{1,2}(?:\s+(?:19|20)\d{2})?|(?:19|20)\d{2})\b)"
)
LONE_MONTH = re.compile(
    r"(?<=[a-z,] )(?P<name>January|February|March|April|June|July|August|September|October|"
    r"November|December)\b"
)
LEADING_NOISE = re.compile(
    r"^(?:The|A|An|In|But|And|As|At|For|By|On|With|From|To|Of|Both|While|Since|If|When|Though|Although|"
    r"Yet|So|Thus|Indeed|Moreover|However|Meanwhile|Likewise|Similarly|Then|This|That|These|Those|Its|"
    r"Their|His|Her|Our|Unlike|Like|Even|Only|Also|After|Before|During|Under|Over|Against|Between)\s+"
)
DOMAIN = re.compile(r"\.(?:ru|cn|com|net|org|gov|info|io)$", re.IGNORECASE)
POSSESSIVE = re.compile(r"[’']s$")
NOT_NAMES = frozenset(
    "The This That These Those It He She They We You I Your Our Their His Her Its My Mr Mrs Ms Dr Russian "
    "Chinese American Soviet "
    "Western Eastern Asian European Japanese Korean Indian Sino-Russian Russo-Chinese Both However "
    "January February March April May June July August September October November December Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


# Words a pattern cannot match without, for the patterns `index.line_scan` cannot limit to lines by
# itself (their literals are many and in lower case): a text without any is not scanned for them. A
# test holds that no other pattern is listed: the line scan reads the rest's words from the patterns.
ANCHORS = {
    PLACE_NAMED: (
        "port of", "city of", "town of", "village of", "region of", "province of", "island of", "district of",
        "oblast of", "capital of", "harbor of", "harbour of", "base of", "airbase of", "ports of", "cities of",
        "towns of", "villages of", "regions of", "provinces of", "islands of", "districts of", "harbors of",
        "harbours of", "bases of", "residents of", "inhabitants of", "villagers of", "mayor of", "outskirts of",
        "suburbs of",
    ),
    SITE: (
        "mine", "field", "deposit", "terminal", "refinery", "shipyard", "base", "plant", "dam", "spaceport",
        "cosmodrome", "zone", "park", "port", "region", "river", "valley", "district", "basin", "yard", "bridge",
        "province", "oblast", "krai",
        "county", "prefecture", "governorate",
        "tunnel", "site", "ground", "launch cent", "railway", "railroad", "pipeline", "crossing", "checkpoint",
    ),
    EVENT_BEFORE_KIND: (
        "incident", "parade", "massacre", "uprising", "rebellion", "revolution", "crisis", "clashes", "airshow",
        "air show", "expo", "exhibition", "fair", "games", "olympics", "referendum", "accord", "agreement", "treaty",
        "memorandum", "pact", "war",
    ),
    ORG_NUMBERED: ("1st ", "2nd ", "3rd ", "th "),
    ORG_SITE: (".com", ".ru", ".cn", ".org", ".net", ".info"),
    WEAPON_KIND: (
        "missile", "fighter", "bomber", "submarine", "destroyer", "frigate", "corvette", "tank", "drone",
        "launcher", "rocket", "howitzer", "helicopter", "warship", "defense system", "defence system", "batter",
        "radar", "guns", "bomb",
    ),
}  # fmt: skip


def worth_running(pattern: re.Pattern[str], lowered: str) -> bool:
    anchors = ANCHORS.get(pattern)
    return anchors is None or any(a in lowered for a in anchors)


# Words that end the names of things, never of people: "the General Public License" is no General.
NOT_PERSON_END = frozenset(
    "License Licence Licenses Act Law Code Plan Policy Strategy Doctrine Report Program Programme Project "
    "System Library Initiative Index Fund Prize Award Cup Public "
    # roles: "a Senior Fellow at the … Council" names no one
    "Fellow Fellows Director Professor Analyst Researcher Scholar Lecturer Associate Officer Adviser Advisor "
    "Editor Correspondent Chairman Chairwoman President Minister Secretary Ambassador Dean Manager Executive".split()
)


def looks_like_person(name: str) -> bool:
    parts = name.split()
    if any(p in NOT_NAMES for p in parts) or parts[-1] in NOT_PERSON_END:
        return False
    if all(len(p) > 1 and p.isupper() for p in parts):
        return False  # "GNU MPFR": acronyms side by side are not a person's name
    return not re.search(rf"\b(?:{ORG_SUFFIX}|{PLACE_SUFFIX}|{EVENT_SUFFIX})$", name)


# Lowercased text has no capitals to find names by: a regional given name followed by a word shaped
# like a surname of the region ("temur umarov", "elina ribakova"), or by any word after a role
# ("analyst temur umarov"). A lookahead, so pairs overlap ("met elina ribakova").
LOWER_PERSON = re.compile(r"\b(?=(?P<first>[a-z]{3,})[ ](?P<last>[a-z]{4,})\b)")
LOWER_ROLE = re.compile(
    r"\b(?:analyst|expert|economist|president|minister|premier|leader|governor|ambassador|spokesman|"
    r"spokeswoman|director|chairman|general|admiral|professor|researcher|journalist)[ ]$"
)
# "cnpc chairman dai houliang": a Chinese family name after a role, then a given name of one or two
# pinyin syllables.
LOWER_CHINESE_PERSON = re.compile(r"\b(?=(?P<first>[a-z]{1,5})[ ](?P<last>[a-z]{2,10})\b)")
PINYIN_GIVEN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ong|ing|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u)){1,2}"
)
# English words shaped like pinyin that follow a name in a sentence ("president xi an ally", "minister
# li came"): never a given name there.
ENGLISH_PINYIN = frozenset(
    "a an in on he she her here we me be ye no go do so to ran run came made gave take make man men one some "
    "come done gone more sure share same seen been being going saying making taking coming giving having "
    "hoping sees saw".split()
)
# Not "-in" ("maria again", "anna within") nor "-ich" ("which"): English ends too many words so.
SURNAME_SHAPE = re.compile(r"(?:ov|ev|ova|eva|skiy|skaya|enko|yan|shvili|dze|yeva|vich|bekov)$|(?<!ri|us|is|es)ky$")
# "the kazakh foreign ministry": a ministry by its portfolio, and the people's adjective before it.
LOWER_MINISTRY = re.compile(
    r"\b(?P<name>(?:[a-z]+(?:ian|ese|ish|akh|ch|an|i)[ ])?(?:foreign|defen[cs]e|finance|economy|energy|"
    r"interior|emergencies|trade|justice) ministry)\b"
)


# "between Blagoveshchensk and Heihe", "from Kashgar to Andijan": the other end of a known place.
PLACE_PAIR = re.compile(
    rf"\b(?:between|from)[ ]+(?P<a>{U}[\w’'-]+(?:[ ]{U}[\w’'-]+)?)[ ]+(?:and|to)[ ]+"
    rf"(?P<b>{U}[\w’'-]+(?:[ ]{U}[\w’'-]+)?)(?![\w’'-])"
)


# "at Tianwan in Jiangsu", "near Xudapu in Liaoning": a name placed in a known place.
PLACE_IN_PLACE = re.compile(
    rf"\b(?:at|near|in)[ ]+(?P<a>{U}{LO}[\w’'-]*(?:[ ]{U}{LO}[\w’'-]*)?)[ ]+(?:in|on)[ ]+"
    rf"(?P<b>{U}[\w’'-]+(?:[ ]{U}[\w’'-]+)?)"
)
# "the smelter at Tursunzoda", "a depot outside Tikhoretsk": where a facility stands; "the G20 summit in
# Bali", "talks in Astana": where a meeting, a drill or a protest is held. One scan for both.
PLACED_BY_KIND = re.compile(
    r"\b(?:(?:plant|smelter|factory|mine|refinery|terminal|base|airbase|depot|port|shipyard|yard|facility|camp|"
    r"arsenal|reactor|plants|factories|mines|refineries|terminals|bases|depots|reactors|facilities)[ ]+"
    r"(?:at|near|outside)|(?:summit|conference|forum|meeting|talks|visit|exercises?|drills?|parade|ceremony|rally|"
    r"protests?)[ ]+in)[ ]+"
    rf"(?P<a>{U}{LO}[\w’'-]*(?:[ ]{U}{LO}[\w’'-]*)?)(?![\w’'-]|[ ]+[A-Z])"
)
# "near Dokdo": a name no list holds, placed by where something happened.
NEAR = re.compile(rf"\bnear[ ]+(?P<a>{U}{LO}[\w’'-]*(?:[ ]{U}{LO}[\w’'-]*)?)(?![\w’'-]|[ ]+[A-Z])")
# "Huawei, Zoomlion and BelGee": three or more names in a list, each one or a few capitalised words.
# An item may name its owner first ("China's CNNC") and join words with "&" ("Korea Hydro & Nuclear Power").
OWNER_WORD = rf"{U}[\w.-]*[’']s[ ]+"
LIST_NAME = rf"(?:{OWNER_WORD})?{CAP}(?:[ ]+(?:&[ ]+)?{CAP}){{0,3}}"
OWNER = re.compile(OWNER_WORD)
NAME_LIST = re.compile(
    rf"(?<![\w’'-]){LIST_NAME}(?:,[ ]+{LIST_NAME}){{1,12}},?[ ]+(?:and|or)[ ]+{LIST_NAME}(?![\w’'-])"
)
LIST_SPLIT = re.compile(r",[ ]+(?:and[ ]+|or[ ]+)?|[ ]+(?:and|or)[ ]+")
# "Power of Siberia 2", "Nord Stream 2": a known facility or company with a number is its own.
NUMBERED = re.compile(r"[ -](?P<n>[2-9])(?![\w.,-]\w)")

# Chinese aircraft are named by the city of their maker: "the Xian Y-20", "the Shenyang J-11B".
MAKER_CITIES = frozenset({"Shenyang", "Chengdu", "Xian", "Xi'an", "Xi’an", "Harbin", "Hongdu", "Changhe", "Guizhou"})
CAPITALISED_WORD = re.compile(rf"\b{U}[^\W_]*")
