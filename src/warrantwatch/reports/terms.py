"""Wording found in the data (situation names, charges) that the catalogues translate.

The data files state charges and situations in English, as the Court's English
documents do. Listing the wordings here puts them in the gettext catalogue, so a
French briefing shows the Court's French wording; a wording not listed is shown
with its category in French and the English words quoted (see ``phrases.crime``).
"""

from __future__ import annotations

from warrantwatch.reports.i18n import N_

SITUATIONS = (
    N_("Situation in Ukraine"),
    N_("Situation in Darfur, Sudan"),
    N_("Situation in Burundi"),
    N_("Situation in the Republic of Burundi"),
    N_("Situation in the Democratic Republic of the Congo"),
    N_("Situation in Uganda"),
    N_("Situation in the Central African Republic"),
    N_("Situation in the Central African Republic II"),
    N_("Situation in the Republic of Kenya"),
    N_("Situation in Libya"),
    N_("Situation in the Republic of Côte d'Ivoire"),
    N_("Situation in the Republic of Mali"),
    N_("Situation in Georgia"),
    N_("Situation in the Islamic Republic of Afghanistan"),
    N_("Situation in the State of Palestine"),
    N_("Situation in the Republic of the Philippines"),
    N_("Situation in the Bolivarian Republic of Venezuela I"),
)

CHARGES = (
    N_("unlawful deportation of population (children)"),
    N_("unlawful transfer of population (children)"),
    N_("War crime of unlawful deportation of population (children)"),
    N_(
        "War crime of unlawful transfer of population (children) from occupied areas of "
        "Ukraine to the Russian Federation"
    ),
    N_("War crime of starvation as a method of warfare"),
    N_("War crime of intentionally directing an attack against the civilian population"),
    N_("War crime of directing attacks at civilian objects"),
    N_("War crime of murder"),
    N_("War crime of pillaging"),
    N_("War crime of torture"),
    N_("War crime of rape"),
    N_("War crime of cruel treatment"),
    N_("War crime of outrages upon personal dignity"),
    N_("Crime against humanity of murder"),
    N_("Crime against humanity of persecution"),
    N_("Crime against humanity of other inhumane acts"),
    N_("Crime against humanity of torture"),
    N_("Crime against humanity of rape"),
    N_("Crime against humanity of extermination"),
    N_("Crime against humanity of forcible transfer of population"),
    N_("Crime against humanity of imprisonment"),
    N_("Murder"),
    N_("Persecution"),
    N_("Torture"),
    N_("Rape"),
    N_("Pillaging"),
    N_("Extermination"),
    N_("Other inhumane acts"),
    N_("Deportation or forcible transfer of population"),
    N_("Genocide by killing"),
    N_("murder"),
    N_("genocide by killing"),
)
