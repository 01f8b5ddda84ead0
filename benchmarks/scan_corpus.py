"""A synthetic news corpus for the scanner's speed benchmark, made at run time in /tmp.

Articles of about 4 KB in JSON Lines, in several languages, built from a pool of
neutral filler sentences (economy, weather, sport, diplomacy by people without ICC
warrants, with country names, dates and travel words, so the automaton has realistic
work) and, in one article in twenty, a text from the labelled development set.

    .venv/bin/python benchmarks/scan_corpus.py OUT.jsonl SIZE_MB
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

DEVSET = Path(__file__).resolve().parent / "devset" / "devset.jsonl"

#: Filler sentences per language, separated by "|" (a sentence may wrap over lines).
FILLER_TEXT: dict[str, str] = {
    "en": """
The central bank kept its key interest rate unchanged on Wednesday, citing persistent
inflation in services.|
Shares in European carmakers fell after the company cut its profit forecast for the third
quarter.|
Heavy rain is expected across the north of the country over the weekend, forecasters said.|
The foreign minister of Brazil will visit Nigeria and Ghana next month to discuss trade and
climate finance.|
Germany's chancellor travelled to Paris on Tuesday for talks with the French president on
defence spending.|
The summit of Pacific island leaders opened in Suva with a call for faster action on rising
seas.|
Organisers said more than 40,000 runners had registered for the marathon on 12 October.|
The government of Kenya announced a new plan to expand solar power in rural areas by 2030.|
A delegation from Japan arrived in Hanoi to sign an agreement on infrastructure investment.|
Talks between the two unions and the rail operator broke down late on Monday night.|
The museum will reopen in March after a renovation that took almost three years.|
Prime Minister Keir Starmer hosted the leaders of Canada and Australia in London for a
security conference.|
Farmers protested in Brussels against cuts to agricultural subsidies proposed by the
commission.|
The World Health Organization said cases of measles had risen sharply in several regions this
year.|
Ukraine's grain exports through Black Sea ports recovered in September, according to official
data.|
The Indian cricket team arrived in Australia for a five-match series starting next week.|
Officials in Mexico said the new airport terminal would open to passengers in the spring.|
The UN Secretary-General will travel to Addis Ababa for the African Union summit in February.|
Oil prices rose after producers signalled they would extend output cuts into next year.|
The opposition leader said she would run for president in the elections scheduled for
November.
""",
    "ru": """
Центральный банк сохранил ключевую ставку на прежнем уровне, сообщила пресс-служба
регулятора.|
Министр иностранных дел Индии посетит Москву на следующей неделе для переговоров о торговле.|
В Казани открылся международный форум по вопросам цифровой экономики.|
Синоптики предупредили о сильных снегопадах в Сибири в ближайшие выходные.|
Сборная Бразилии прибыла в Катар для участия в товарищеском турнире.|
Президент Казахстана провел переговоры с делегацией из Китая в Астане.|
Цены на нефть выросли после решения стран ОПЕК+ продлить сокращение добычи.|
Выставка современного искусства откроется в Санкт-Петербурге 15 ноября.
""",
    "fr": """
Le gouvernement a présenté mardi son projet de budget pour l'année prochaine.|
Le ministre de l'Économie se rendra à Berlin la semaine prochaine pour un sommet
franco-allemand.|
Les prix de l'énergie ont légèrement baissé en septembre, selon l'Insee.|
Une délégation du Sénégal est arrivée à Paris pour discuter de coopération universitaire.|
Le festival de cinéma s'ouvrira le 14 mai avec un film italien.|
Les syndicats appellent à une grève nationale jeudi contre la réforme des retraites.
""",
    "es": """
El presidente de Chile viajará a Madrid para una visita oficial de tres días.|
La inflación en Argentina se moderó en octubre, según el instituto de estadística.|
Las lluvias torrenciales provocaron inundaciones en varias provincias del sur.|
La cumbre iberoamericana se celebrará en noviembre en Ecuador.|
El Banco de España revisó al alza su previsión de crecimiento para este año.
""",
    "de": """
Die Bundesregierung hat am Mittwoch den Haushaltsentwurf für das kommende Jahr beschlossen.|
Der französische Präsident reist am Freitag nach Warschau zu Gesprächen über Verteidigung.|
Die Inflationsrate in der Eurozone ist im September leicht gesunken.|
Der Gipfel der G20 findet in diesem Jahr in Südafrika statt.|
Die Gewerkschaft kündigte Warnstreiks im öffentlichen Nahverkehr an.
""",
    "ar": """
وصل وزير الخارجية المصري إلى الرياض في زيارة رسمية تستمر يومين.|
أعلن البنك المركزي تثبيت أسعار الفائدة للمرة الثالثة على التوالي.|
تستضيف الدوحة الأسبوع المقبل مؤتمرا دوليا حول الطاقة المتجددة.|
ارتفعت أسعار النفط بعد قرار أوبك بلس تمديد خفض الإنتاج.
""",
}
FILLER: dict[str, list[str]] = {
    lang: [" ".join(s.split()) for s in text.split("|")] for lang, text in FILLER_TEXT.items()
}


def make_corpus(path: Path, size_mb: float, seed: int = 7, article_bytes: int = 4096) -> int:
    """Write about ``size_mb`` MB of ~4 KB articles to ``path``; returns the article count."""
    rng = random.Random(seed)
    devset = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line]
    langs = list(FILLER)
    target = int(size_mb * 1_000_000)
    written = 0
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < target:
            lang = rng.choice(langs)
            parts: list[str] = []
            size = 0
            insert = rng.random() < 0.05
            if insert:
                d = rng.choice(devset)
                parts.append(d["text"])
                size += len(d["text"].encode())
                lang = d["language"]
            pool = FILLER.get(lang, FILLER["en"])
            while size < article_bytes:
                para = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
                parts.insert(rng.randint(0, len(parts)), para)
                size += len(para.encode()) + 2
            line = json.dumps(
                {
                    "url": f"https://news.example.org/{n}",
                    "title": f"Article {n}",
                    "published": "2025-10-07",
                    "language": lang,
                    "text": "\n\n".join(parts),
                },
                ensure_ascii=False,
            )
            fh.write(line + "\n")
            written += len(line.encode()) + 1
            n += 1
    return n


if __name__ == "__main__":
    count = make_corpus(Path(sys.argv[1]), float(sys.argv[2]))
    print(f"{count} articles written to {sys.argv[1]}")
