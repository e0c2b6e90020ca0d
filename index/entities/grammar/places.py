"""Where a place's name is: before its suffix ("... Sea"), after what it is ("the port of ..."), before
a site's kind ("the ... gold mine"), beside a known place, the shape of the region's place names.
"""

from __future__ import annotations

import re

from index.entities.grammar.lexicon import PLACE_SUFFIX
from index.entities.grammar.shapes import AT_CAPITAL, CAP, LO, U

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


# Joined by spaces, or by an en dash between the two ends of a bridge or line ("Nizhneleninskoye–Tongjiang").
# A numbered site: "the Dushanbe-2 power plant".
SITE_NAME = re.compile(rf"(?<![\w’'-])(?P<name>{CAP}(?:(?:[ ]+|–){CAP}){{0,2}}|{U}{LO}+-\d{{1,2}})$")
# Words shaped like the region's place names: Minsk, Kaliningrad, Uzbekistan, Sevastopol, Yekaterinburg.
# Trusted least (any named entity over the same words wins), and never the last word of a longer name.
PLACE_SHAPE = re.compile(
    rf"(?<![\w’'-])(?P<name>{U}{LO}{{2,}}(?:sk|grad|stan|opol|burg|stadt|gorod|abad|ovo|evo|owice|icze))"
    r"(?![\w’'-]|[ ]+[A-Z])"
)
# "Lake Balkhash", "Mount Paektu", "Cape Chelyuskin": a place named after its kind.
PLACE_AFTER_KIND = re.compile(rf"\b(?P<name>(?:Lake|Mount|Mt\.|Cape|Fort)[ ]+{CAP}(?:[ ]+{CAP})?)(?![\w’'-])")
PLACE_OF = re.compile(
    rf"{AT_CAPITAL}(?P<name>(?:Great[ ]+)?(?:Sea|Gulf|Strait|Bay|Isle|Islands|Republic|Kingdom|Cape|Port|Lake|"
    r"Hall|Palace|"
    rf"Gate|Mausoleum|Cathedral|Temple)[ ]+of[ ]+(?:the[ ]+)?{CAP}"
    rf"(?:[ ]+{CAP})?)"
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
