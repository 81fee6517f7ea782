"""A table of states: names, common aliases, demonyms and ISO 3166 alpha-3.

Only codes that are certain are given: the ISO 3166-1 alpha-3 code of each
state, which CAMEO also uses for it. A drafted state carries it as its
``cameo`` id; nothing else is claimed about it.
"""

from __future__ import annotations

__all__ = ["STATES"]

# name, alpha-3, aliases, demonyms
STATES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Afghanistan", "AFG", (), ("Afghan",)),
    ("Armenia", "ARM", (), ("Armenian",)),
    ("Azerbaijan", "AZE", (), ("Azerbaijani",)),
    ("Belarus", "BLR", (), ("Belarusian",)),
    ("China", "CHN", ("People's Republic of China", "Beijing"), ("Chinese",)),
    ("Egypt", "EGY", (), ("Egyptian",)),
    ("Ethiopia", "ETH", (), ("Ethiopian",)),
    ("France", "FRA", (), ("French",)),
    ("Georgia", "GEO", (), ("Georgian",)),
    ("Germany", "DEU", (), ("German",)),
    ("India", "IND", (), ("Indian",)),
    ("Iran", "IRN", ("Tehran",), ("Iranian",)),
    ("Iraq", "IRQ", (), ("Iraqi",)),
    ("Israel", "ISR", (), ("Israeli",)),
    ("Japan", "JPN", ("Tokyo",), ("Japanese",)),
    ("Jordan", "JOR", (), ("Jordanian",)),
    ("Lebanon", "LBN", (), ("Lebanese",)),
    ("Libya", "LBY", (), ("Libyan",)),
    ("Mali", "MLI", (), ("Malian",)),
    ("Moldova", "MDA", (), ("Moldovan",)),
    ("Myanmar", "MMR", ("Burma",), ("Burmese",)),
    ("North Korea", "PRK", ("DPRK", "Pyongyang"), ("North Korean",)),
    ("Pakistan", "PAK", (), ("Pakistani",)),
    ("Poland", "POL", (), ("Polish",)),
    ("Qatar", "QAT", (), ("Qatari",)),
    ("Russia", "RUS", ("Russian Federation", "Moscow", "the Kremlin"), ("Russian",)),
    ("Saudi Arabia", "SAU", ("Riyadh",), ("Saudi",)),
    ("Somalia", "SOM", (), ("Somali",)),
    ("South Korea", "KOR", ("Republic of Korea", "Seoul"), ("South Korean",)),
    ("South Sudan", "SSD", (), ("South Sudanese",)),
    ("Sudan", "SDN", ("Khartoum",), ("Sudanese",)),
    ("Syria", "SYR", ("Damascus",), ("Syrian",)),
    ("Turkey", "TUR", ("Türkiye", "Ankara"), ("Turkish",)),
    ("Ukraine", "UKR", ("Kyiv", "Kiev"), ("Ukrainian",)),
    ("United Kingdom", "GBR", ("UK", "Britain", "London"), ("British",)),
    ("United States", "USA", ("U.S.", "US", "USA", "Washington"), ("American",)),
    ("Yemen", "YEM", (), ("Yemeni",)),
)
