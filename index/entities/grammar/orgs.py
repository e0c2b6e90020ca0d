"""Where an organisation's name is: before its suffix ("... Institute"), after what it is ("the company
..."), set off by what it is, what makes, owns or runs something, the shape of a company's name.
"""

from __future__ import annotations

import re

from index.entities.grammar.lexicon import CONNECT, ORG_NOUNS, ORG_SUFFIX, SAYING, WHEN
from index.entities.grammar.shapes import AT_CAPITAL, CAP, LO, ORG_WORD, U

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
# Suffix-final names have no inner "of": "X of the Y Institute" is a person or place before an org.
ORG = re.compile(
    rf"{AT_CAPITAL}(?P<name>{ORG_WORD}[ ]+(?:{ORG_WORD}[ ]+){{0,5}}(?:{ORG_SUFFIX}))(?:(?<=\.)|\b)"
)  # "Corp." ends with its dot
# "the 78th Group Army", "the 6th Fleet", "the 155th Marine Brigade": a unit by its number.
ORG_NUMBERED = re.compile(rf"\b(?P<name>\d{{1,3}}(?:st|nd|rd|th)[ ]+(?:{CAP}[ ]+){{0,4}}(?:{ORG_SUFFIX}))\b")
# "(Valdaiclub.com, February 18)": a website cited as a source is its publisher.
ORG_SITE = re.compile(
    r"(?<![\w.@/-])(?P<name>[A-Z][A-Za-z0-9-]+\.(?:com|ru|cn|org|net|info)(?:\.[a-z]{2})?)(?![\w/.-]\w)"
)
ORG_DESCRIBED = re.compile(
    r"\b(?:company|firm|group|bank|agency|outlet|newspaper|broadcaster|manufacturer|producer|operator|giant|"
    r"conglomerate|carrier|lender|maker|exporter|think tank|news agency|subsidiary|affiliate)[ ]+"
    rf"(?P<name>{CAP}(?:[ ]+(?:of[ ]+)?{CAP}){{0,2}})"  # "the rights group Bits of Freedom"
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
# "the Oxford Institute for Energy Studies", "the Economic Community of West African States".
ORG_OF = re.compile(
    rf"{AT_CAPITAL}(?P<name>(?:{CAP}[ ]+){{0,3}}(?:Ministry|Bank|University|Council|Institute|Academy|"
    r"Department|Office|"
    r"Commission|Committee|Community|Organization|Organisation|Union|League|Association|Conference|Bureau|Agency|"
    r"Administration|Service|Directorate|Authority|"
    r"Court|Fund|Federation|Foundation|Society|Chamber|College|School|Center|Centre)"
    rf"[ ]+(?:of|for|on)[ ]+(?:the[ ]+)?(?!{WHEN}){CAP}(?:[ ]+(?:(?:{CONNECT}|and)[ ]+)*(?!{WHEN}){CAP}){{0,5}})"
)  # "and" may join its last words ("Ministry of Industry and Trade"); a known name after it is cut off
# "the Bruegel think tank", "the Interfax news agency": an organisation named before what it is.
ORG_KIND = re.compile(
    r"[ ](?:think tank|thinktank|consultancy|news agency|lobby group|chipmaker|carmaker|shipbuilder)\b"
)
# "RusHydro", "PetroChina", "KazMunayGas": a capital inside a word marks a company's name; not the
# prefixes of people's names ("McFaul", "DeSantis", "MacArthur").
CAMEL_CASE = re.compile(
    r"(?<![\w’'-])(?!(?:Mc|Mac|De|Le|La|Di|Da|Van|Von|O)[A-Z])(?P<name>[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+)(?![\w’'-])"
)
# Words shaped like the region's company names: Kazatomprom, Rosneft's "…neft", Sberbank, Sovcomflot,
# Rosatom, Naftogaz. Trusted least, like place shapes. Found from the ending back (a substring search
# per ending): endings are rare, capitals everywhere.
ORG_SHAPE = re.compile(rf"(?<![\w’'-])(?P<name>{U}{LO}{{2,}})(?![\w’'-]|[ ]+[A-Z])")
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
# "the Russian navy", "China's air force": a country's armed service, named in lower case.
ARMED_SERVICE = re.compile(
    r"\b(?P<name>(?:Russian|Chinese|Ukrainian|Indian|Japanese|American|U\.S\.|Iranian|North Korean|South Korean|"
    r"Pakistani|Vietnamese|Taiwanese|Soviet|[A-Z][a-z]+[’']s)[ ](?:navy|army|air force|coast guard|Navy|Army|"
    r"Air Force|Coast Guard))\b"
)
