"""The words of the grammar: lists of words that are or are never names, and the alternations of
words (titles, verbs of saying, the suffixes of organisations, places and events) patterns are built of.
"""

from __future__ import annotations

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
# Inside a name: "of", "for", "on", "de" (maybe followed by "the"), "&"; never "and", which joins names.
CONNECT = r"(?:(?:of|for|on|de)(?:[ ]+the)?|&)"
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
    r"Railways|Flotilla|Devices|Ratings|Lab|Laboratory|Instruments|Express|Aviation|Enerji|Energia|Energie|"
    r"Plant|Factory|Combine"  # "the Chelyabinsk Pipe Rolling Plant": a works named whole, not its city
)
# Possessives inside a name: "the Prosecutor General's Office", "the Workers' Party".
INNER_POSSESSIVE = r"(?:(?:General|People|Women|Children)[’']s|(?:Worker|Farmer|Veteran)s[’'])"
# Pairs joined inside a company's name: "China National Precision Machinery Import and Export Corporation".
INNER_PAIR = (
    r"(?:Import[ ]+(?:and|&)[ ]+Export|Research[ ]+(?:and|&)[ ]+Development|Science[ ]+(?:and|&)[ ]+Technology|"
    r"Oil[ ]+(?:and|&)[ ]+Gas|Trade[ ]+(?:and|&)[ ]+Industry|Mining[ ]+(?:and|&)[ ]+Metallurgical)"
)
ORG_NOUNS = (
    r"company|firm|group|bank|agency|outlet|newspaper|broadcaster|manufacturer|producer|operator|giant|"
    r"conglomerate|carrier|lender|maker|carmaker|automaker|exporter|importer|trader|insurer|developer|"
    r"think tank|news agency|fund|miner|shipbuilder|shipping line|start-up|startup|subsidiary|holding|"
    r"consortium|joint venture|venture|cooperative|lobby group|trade body|chipmaker|think tank|consultancy|"
    r"national railway|state railway|railway company|railway operator|airline|regulator|utility|smelter|"
    r"steelmaker"
)
# Days and months end a name: "the Treasury Department on Thursday" is not the Department on Thursday.
WHEN = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b"
)
PLACE_SUFFIX = (
    r"Sea|Ocean|Island|Islands|Mountains|Peninsula|Strait|Gulf|River|Lake|Square|Province|Region|Oblast|"
    r"Krai|Canal|Bay|Desert|Valley|Street|Avenue|Airport|Port|Zone|Pipeline|Bridge|Plateau|Basin|Coast|"
    r"Territory|Republic|Kingdom|Emirates|Route|Passage|Corridor|Railway|Highway|Gap|Pass|Heights|Archipelago|"
    r"Reef|Atoll|Harbor|Harbour|Cosmodrome|Spaceport|Shipyard|Dam|Exclave|Empire"
)
# Demonyms of other shapes: "a Kazakh uranium mine" names no place "Kazakh".
DEMONYMS = frozenset(
    "Kazakh Uzbek Tajik Kyrgyz Kirghiz Turkmen Mongol Buryat Tatar Bashkir Chechen Uyghur Uighur Tibetan Azeri "
    "Azerbaijani Afghan Pakistani Bangladeshi Nepali Thai Lao Khmer Burmese Iraqi Israeli Saudi Emirati Qatari "
    "Kuwaiti Omani Yemeni Czech Slovak Serb Croat Dutch Greek Swiss Sami Inuit Yakut Evenk Chukchi Turkic Slav "
    "Cossack Manchu Han Hui".split()
)
# Camel-case words that name no company (`orgs.CAMEL_CASE`).
NOT_CAMEL_CASE_ORGS = frozenset({"BeiDou"})  # a satellite navigation system, like GLONASS and GPS
# The endings of the region's company names: Kazatomprom, Rosneft's "…neft", Sberbank, Sovcomflot,
# Rosatom, Naftogaz (`orgs.ORG_SHAPE`).
ORG_SHAPE_ENDINGS = ("prom", "neft", "bank", "flot", "energo", "atom", "gaz")
NOT_PLACE_SHAPES = frozenset("Flask Kiosk Whisk Brisk Asterisk Obelisk Basilisk Tamarisk Damask Interpol".split())
EVENT_SUFFIX = (
    r"War|Summit|Forum|Exercise|Exercises|Drills?|Treaty|Agreements?|Accords?|Conference|Games|Olympics|"
    r"Parade|Crisis|Revolution|Talks|Dialogue|Expo|Festival|Convention|Declaration|Protocol"
)
# The lower-case event words a name comes before (`events.EVENT_BEFORE_KIND`).
EVENT_KIND = (
    r"incident|parade|massacre|uprising|rebellion|revolution|crisis|clashes|airshow|air show|expo|games|olympics|"
    r"referendum|accords?|war"
)
# The kinds of warship a ship's name is set beside (`weapons.SHIP_NAMED`); no icebreakers or tankers.
SHIP_KINDS = r"(?:destroyer|frigate|corvette|cruiser|submarine|aircraft carrier|warship|landing ship)"
# A pronoun, determiner or demonym before a kind word is not a name: "Its fighters", "the Russian gas field".
NOT_NAMES_BEFORE_KIND = frozenset(
    "Its It Their His Her Our Your My The A An These Those This That Some Many Most All Both Several Few New Old "
    "Two Three Four Five Russian Chinese American Soviet Ukrainian Iranian Indian Western Every Each Any No "
    "Other Such "
    # generic classes, not names: "FPV drones", "ICBM silos"
    "FPV UAV UAVs UAS SAM ATGM ATGMs MLRS MANPADS ICBM ICBMs SLBM IRBM SRBM".split()
)
NOT_NAMES = frozenset(
    "The This That These Those It He She They We You I Your Our Their His Her Its My Mr Mrs Ms Dr Russian "
    "Chinese American Soviet "
    "Western Eastern Asian European Japanese Korean Indian Sino-Russian Russo-Chinese Both However "
    "January February March April May June July August September October November December Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


# Words that end the names of things, never of people: "the General Public License" is no General.
NOT_PERSON_END = frozenset(
    "License Licence Licenses Act Law Code Plan Policy Strategy Doctrine Report Program Programme Project "
    "System Library Initiative Index Fund Prize Award Cup Public "
    # roles: "a Senior Fellow at the … Council" names no one
    "Fellow Fellows Director Professor Analyst Researcher Scholar Lecturer Associate Officer Adviser Advisor "
    "Editor Correspondent Chairman Chairwoman President Minister Secretary Ambassador Dean Manager Executive".split()
)
# English words shaped like pinyin that follow a name in a sentence ("president xi an ally", "minister
# li came"): never a given name there.
ENGLISH_PINYIN = frozenset(
    "a an in on he she her here we me be ye no go do so to ran run came made gave take make man men one some "
    "come done gone more sure share same seen been being going saying making taking coming giving having "
    "hoping sees saw".split()
)

# Chinese aircraft are named by the city of their maker: "the Xian Y-20", "the Shenyang J-11B".
MAKER_CITIES = frozenset({"Shenyang", "Chengdu", "Xian", "Xi'an", "Xi’an", "Harbin", "Hongdu", "Changhe", "Guizhou"})
