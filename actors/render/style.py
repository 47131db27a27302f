"""One visual vocabulary for the figures and the explorer.

Relations keep the same colour and line everywhere (fought-against red,
allied-with blue, split-from grey dashed arrow, member-of dotted arrow), and
actor kinds the same node colour, so a reader who learnt one picture can read
the next. The kind colours are the Okabe-Ito palette, distinct for the common
forms of colour blindness.

>>> RELATION_STYLE["fought-against"]["color"]
'#d62728'
>>> from actors.schema import ACTOR_KINDS
>>> sorted(KIND_COLOURS) == sorted(ACTOR_KINDS + (GENERIC_KIND,))
True
"""

from __future__ import annotations

from types import MappingProxyType

from actors.schema import GENERIC_KIND

__all__ = ["RELATION_STYLE", "KIND_COLOURS", "STATUS_NOTE"]

#: color, line style (matplotlib names; the explorer maps them to vis-network
#: dashes), whether an arrow shows direction, and a legend label.
RELATION_STYLE = MappingProxyType({
    "fought-against": MappingProxyType({"color": "#d62728", "linestyle": "solid", "arrow": False,
                                        "label": "fought against"}),
    "allied-with": MappingProxyType({"color": "#1f77b4", "linestyle": "solid", "arrow": False,
                                     "label": "allied with"}),
    "split-from": MappingProxyType({"color": "#7f7f7f", "linestyle": "dashed", "arrow": True,
                                    "label": "split from (splinter → parent)"}),
    "member-of": MappingProxyType({"color": "#2ca02c", "linestyle": "dotted", "arrow": True,
                                   "label": "member of (member → whole)"}),
})

KIND_COLOURS = MappingProxyType({
    "state armed force": "#0072B2",
    "foreign state": "#56B4E9",
    "rebel movement": "#E69F00",
    "jihadist group": "#000000",
    "militia": "#D55E00",
    "international mission": "#009E73",
    "private military company": "#CC79A7",
    "coalition": "#F0E442",
    GENERIC_KIND: "#bbbbbb",
})

#: How statuses other than "reported" are shown, for legends.
STATUS_NOTE = MappingProxyType({
    "reported": "reported as fact by the text",
    "claimed": "claimed by a party (faded)",
    "alleged": "alleged (faded)",
    "denied": "denied: never drawn as fact (hidden unless switched on, grey)",
    "disputed": "disputed: asserted and denied, never drawn as fact (hidden unless switched on, grey)",
})
