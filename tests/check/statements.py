"""Statements written for these tests (not any organisation's real text)."""

from __future__ import annotations

EN = (
    "Test statement on a planned visit\n\n"
    "Tajikistan has been a State Party since 30 November 1998 and must arrest Vladimir Putin "
    "if he enters its territory. The arrest warrant of 17 March 2023 against Vladimir Putin "
    "concerns crimes under articles 8(2)(a)(vii) and 8(2)(b)(viii) of the Rome Statute.\n\n"
    "Putin remains at large.\n"
)

FR = (
    "Déclaration d'essai\n\n"
    "Le Tadjikistan est un État partie depuis le 30 novembre 1998. Le mandat d'arrêt du "
    "17 mars 2023 contre Vladimir Poutine vise les articles 8(2)(a)(vii) et 8(2)(b)(viii).\n"
)
