"""Travel wording in many languages: the cue words the scanner's automaton looks for.

Each cue has a *code* that says what it tells about a trip. The rules in
:mod:`warrantwatch.monitor.trips` read only these codes, never the words, so adding a
language is adding a block here.

====  =====================================================================
code  meaning
====  =====================================================================
TP    travel wording that looks ahead ("will visit", "is expected in")
TO    travel wording that reports it happened or is happening ("arrived")
TN    travel wording without tense ("visit", "trip", "summit", "attend")
INV   an invitation (a planned trip unless cancelled)
CAN   cancellation or non-attendance ("called off", "will not attend")
DEP   someone else sent instead ("instead", "represented by")
ARR   an arrest carried out ("was arrested", "detained")
NARR  an arrest not carried out ("was not arrested"): the trip happened
MOD   duty or modal wording ("must", "obliged"): an arrest word is not an arrest
COND  a condition ("if he travels"): the trip is hypothetical
MENT  "should be in": the place that follows is only mentioned
BG    background ("last year", "previously", "had visited")
FUT   a future marker ("will", "next", "upcoming")
PAST  a past marker ("was", "ago", "ended")
NOW   a present marker ("today", "currently")
ANA   an anaphor: a pronoun or title standing for a person named just before
SAY   a speech verb ("said"): a person named after it is not the speaker
ANN   an announcement verb ("announced", "a indiqué"): a date just after it is the
      announcement's, not the trip's (unlike SAY, says nothing of who the subject is)
NONE  "no visit is planned", "no plans have been announced": the clause reports no trip
====  =====================================================================

A phrase ending in ``*`` is a stem: any letters may follow (``visit*`` matches
"visits", "visiting"). Otherwise the phrase must end at a word boundary. Longer
phrases win over shorter ones at the same place, so "visited" (TO) beats "visit*"
(TN) and "should be arrested" (MOD) beats "arrested" (ARR).
"""

from __future__ import annotations

from dataclasses import dataclass

CODES = frozenset(
    [
        "TP",
        "TO",
        "TN",
        "INV",
        "CAN",
        "DEP",
        "ARR",
        "NARR",
        "MOD",
        "COND",
        "MENT",
        "BG",
        "FUT",
        "PAST",
        "NOW",
        "ANA",
        "SAY",
        "ANN",
        "NONE",
    ]
)

#: Codes that make a sentence about a trip at all.
TRIP_CODES = frozenset({"TP", "TO", "TN", "INV", "CAN", "DEP", "ARR", "NARR"})


@dataclass(frozen=True, slots=True)
class Cue:
    phrase: str
    code: str
    lang: str
    stem: bool


LEXICON: dict[str, str] = {
    "en": """
TO: welcomed; greeted
FUT: preparations for; preparing for; no date had been set; no date has been set; no date yet
TO: extended his visit; extended her visit; extends his visit; extends her visit
PAST: flew home; returned home
CAN: not expected to attend*; not expected to travel*; not expected in; not planning to attend*;
    not planning to travel*; is not expected at
NARR: instead of arresting; rather than arresting; instead of arrest
CAN: by video conference; by videoconference; via videoconference; by video;
    rather than travelling;
    rather than traveling; instead of travelling; instead of traveling; not in person
TN: hosted by; hosts; welcome; red-carpet welcome
TP: will meet; to meet; will continue to; will then travel*; then travel to; then fly to;
    fly on to; flying on to; travel on to; travelling on to; traveling on to; head on to;
    before flying to; take him on to; take her on to; will take him to; will take her to;
    will then spend; will spend; to spend; ending the trip in; end the trip in; ending his tour in;
    before heading to; will proceed to; will go on to; continue to
TO: met
COND: so that he; so that she; so that he could; to allow him to; to enable him to
SAY: said; says; told; stated; declared; argued; insisted; warned; added; wrote
ANN: announced; confirmed; reported; called on; urged
TN: at the invitation of; at the invitation
TP: will visit*; to visit*; plans to visit*; planning to visit*; set to visit*; due to visit*;
    will travel*; to travel to; plans to travel*; will attend*; to attend*; plans to attend*;
    expected in; expected to arrive*; expected to visit*; expected to attend*;
    expected to travel*;
    is expected at; are expected in; is due in; is due to arrive*; will arrive*; will land*;
    will fly*; will go to; will be in; will head to; will make a visit*; will pay a visit*;
    will hold talks; is to visit*; is scheduled to*; scheduled to visit*; scheduled visit*;
    upcoming visit*; upcoming trip*; forthcoming visit*; planned visit*; planned trip*;
    is set to*; intends to visit*; intends to travel*; intends to attend*; accepted an invitation;
    confirmed his attendance; confirmed her attendance; confirmed his participation;
    confirmed that he will attend; announced a visit*; will take part; to take part; will lead
    TO: visited; arrived*; landed*; touched down; flew into;
    flew to; travelled to; traveled to; attended; took part; was in; has been in; is visiting;
    is in; is on a visit*; began a visit*; began a state visit*; started a visit*; kicked off*;
    was welcomed; was greeted; was received; was met at; met with*; held talks; was seen in;
    wrapped up*; concluded a visit*; paid a visit*; made a visit*;
    made a trip*; went to; was hosted; were hosted; hosted*
TP: will host*; to host*; will welcome*; will receive*
TN: arrives; arriving in; lands in; visits; travels to; visit*; trip; trips; journey*; tour; tours;
    summit*; state visit*; official visit*; working visit*;
    travel*; attend*; attendance; arrival*; stopover*; talks in; meeting in; forum in;
    participation in; appearance at
INV: invited*; invitation*; invites*; inviting*
CAN: cancelled*; canceled*; cancels*; cancel his*; cancel her*; called off*; calls off*;
    will not attend*; won't attend*; would not attend*; will not travel*; won't travel*;
    will not go to; won't go to; will not visit*; won't visit*; will not be attending;
    not attend*; not travel*; not be travelling; not be traveling; did not attend*;
    didn't attend*; did not travel*; skip*; skipped*; pulled out*; withdrew from*;
    postponed*; declined the invitation; declined an invitation; declined to attend*;
    declined to travel*; turned down*; ruled out*; stay away; stayed away; stays away;
    would not be attending; decided against*; scrapped*; no longer plans*; no longer travel*;
    not be attending; not be present; will attend virtually; by video link; via video link;
    remotely; online instead
DEP: instead*; in his place; in her place; on his behalf; on her behalf; represented by;
    will represent*; to represent him; to represent her; sent his deputy; send his deputy;
    sending his deputy; will send his; will send her; will send a delegation; sent a delegation;
    deputy prime minister; foreign minister will lead;
    will lead the delegation; led the delegation; will head the delegation; headed the delegation;
    lead the russian delegation; delegation will be led
ARR: was arrested; been arrested; were arrested; arrested him; arrested her; arrested the;
    was detained; been detained; detained him; detained her; taken into custody;
    was apprehended; been apprehended; apprehended him; handed over to the icc;
    surrendered to the icc; transferred to the hague; transferred to the icc;
    arrested on arrival; arrested upon arrival; police arrested; authorities arrested;
    arrested*; detained*; apprehended*
NARR: not arrested; not arrest; failed to arrest; did not arrest; didn't arrest;
    no arrest; declined to arrest; refused to arrest; without being arrested; without arrest;
    not detained; left freely; was not detained; was never arrested
MOD: must*; should*; obliged*; obligation*; duty to; required to; bound to; is to be arrested;
    be arrested; to arrest*; would*; could*; may be; might*; face arrest; risk of arrest;
    risks arrest; liable to; called on; calls on; urge*; demand*
NONE: no visit; no trip; no plans to visit; no plans to travel; no such visit; no such trip;
    no plans for a visit; is not planned; was not planned; has not been announced;
    denied reports; denied that; dismissed reports; denied the reports; no relation to;
    not related to
COND: if he; if she; if putin; should he; should she; were he to; were she to; in the event;
    whether;
    in case he; in case she; whether he; unless
MENT: should be in; belongs in; ought to be in; must be in; should be sent to; should stand trial;
    must be taken to; should be taken to; be brought to; should face justice in; place is in
BG: last year; last month; previously; in the past; back in; earlier this year; years ago;
    had visited; had travelled; had traveled; had attended; had arrived; recalled*; recall*;
    was not the first; the previous; a previous; his last visit; her last visit;
    at the time; since then; history of; precedent*
FUT: will; 'll; next; upcoming; forthcoming; expected; scheduled; plans*; planned; intends*;
    going to; is to; are to; later this week; later this month; this coming
PAST: was; were; had; ago; ended; took place; was held; last week; earlier; yesterday; did
NOW: today; tonight; currently; this morning; this afternoon; now; on arrival; is in
ANA: he; she; him; his; her; the president; the russian president; the russian leader;
    the kremlin leader; the prime minister; the israeli prime minister; the israeli leader;
    the former president; the sudanese leader; the former sudanese president; the leader;
    the minister; the commissioner; the general; the suspect; the fugitive
""",
    "ru": """
NARR: вместо того чтобы арестовать; вместо того, чтобы арестовать; вместо ареста
COND: чтобы
SAY: заявил*; сказал*; сообщил*; отметил*; подчеркнул*; считает*
TP: затем отправится; после чего посетит; затем посетит
TN: по приглашению
TP: посетит*; посетят; посещени*; планирует посетить; собирается посетить; намерен посетить;
    намерена посетить; прибудет*; приедет*; прилетит*; отправится*; совершит визит*;
    совершит поездку*; примет участие; примут участие; будет участвовать; ожидается*;
    ожидают*; запланирован*; предстоящ*; проведет переговоры; посетить; побывает*; поедет*;
    полетит*; нанесет визит*; визит состоится; встретится; подтвердил участие*;
    подтвердил свое участие; подтвердила участие*; согласился приехать; принял приглашение;
    приняла приглашение; собирается в; должен прибыть; намерен поехать; отправиться в
TO: посетил*; прибыл*; прилетел*; приехал*; прибывший*; находится в; находился в; находилась в;
    побывал*; принял участие; приняла участие; принимает участие; провел переговоры;
    провела переговоры; встретился*; совершил визит*; совершила визит*; нанес визит*;
    отправился*; приземлился*; был встречен; встретили; провел встречу; вылетел*;
    визит начался; находящийся с визитом; прилетевш*; приехавш*
TN: с визитом в; визит*; поездк*; саммит*; турне; визитом; участи*; пребывани*; посещен*;
    переговор*
INV: пригласил*; приглашени*; приглашает*; пригласила*; приглашен*
CAN: отменил*; отмена*; отменен*; не поедет; не приедет; не прилетит; не посетит;
    не примет участия; не примет участие; не будет участвовать; не будет присутствовать;
    отказался*; отказалась*; отложил*; отложен*; перенес*; перенесен*; не смог приехать;
    не поехал; не приехал; пропустит; пропустил*; в режиме видеосвязи; по видеосвязи;
    дистанционно; онлайн
DEP: вместо*; вместо него; вместо себя; представлять*; представит*; будет представлять;
    делегацию возглавит; возглавит делегацию; возглавил делегацию; отправит*; направит*;
    направил*; пошлет
ARR: задержан; задержали*; был задержан; арестован; арестовали*; был арестован; взят под стражу;
    передан мус; передан в гаагу; задержан по прибытии
NARR: не арестовал*; не задержал*; не был задержан; не был арестован; не арестован;
    не задержан; без ареста; отказалась арестовать; отказался арестовать; не исполнил*
MOD: должна*; должен*; должны*; обязан*; обязательств*; обязанност*; арестовать; задержать;
    будет обязан*; может быть; могут*; мог бы; призвал*; призыва*; требу*; бы
COND: если; в случае; в случае если; при условии; если бы
NONE: не планируется; не запланирован*; никаких планов; планов нет; визит не планируется;
    опроверг*; опровергли; не родственни*; не родственница
MENT: должен быть в; должен находиться в; место ему в; место путина в; должен сидеть в;
    должен предстать перед
BG: в прошлом году; ранее; в прошлом; в свое время; годом ранее; несколько лет назад;
    напомни*; прецедент*
FUT: будет; будут; следующ*; на следующей неделе; планиру*; предстоящ*; ожида*; намерен*;
    собирается; в ближайш*
PAST: был; была; было; были; назад; прошл*; вчера; состоял*; завершил*
NOW: сегодня; сейчас; в настоящее время; в эти дни
ANA: он; его; ему; ним; президент; глава государства; российский лидер; лидер; глава кремля;
    премьер-министр; премьер
""",
    "uk": """
NARR: замість того, щоб заарештувати; замість того щоб заарештувати; замість арешту
COND: щоб
SAY: заявив*; сказав*; повідомив*; наголосив*; вважає*
TN: на запрошення
TP: відвідає*; відвідати; планує відвідати; має намір відвідати; прибуде*; приїде*; прилетить*;
    вирушить*; здійснить візит*; візьме участь; візьмуть участь; очікується*; очікують*;
    запланован*; майбутн*; проведе переговори; побуває*; поїде*; полетить*; зустрінеться;
    підтвердив участь; прийняв запрошення; прийняла запрошення; має прибути
TO: відвідала; відвідали; прибула; прибули; прилетіла; прилетіли; приїхала; приїхали; побувала;
    вирушила; приземлилася; зустрілася; перебувала; взяла участь у
TO: відвідав*; прибув*; прилетів*; приїхав*; перебуває*; перебував*; побував*; взяв участь;
    взяла участь; бере участь; провів переговори; зустрівся*; здійснив візит*; вирушив*;
    приземлився*; візит розпочався
TN: з візитом у; з візитом в; візит*; поїздк*; саміт*; турне; участ*; перебуванн*; переговор*
INV: запросив*; запрошенн*; запрошує*; запросила*; запрошен*
CAN: скасував*; скасувала*; скасовано; скасован*; не поїде; не приїде; не прилетить;
    не відвідає; не візьме участі; не братиме участі; відмовився*; відмовилася*; відклав*;
    відкладено; перенесено; пропустить; пропустив*; у режимі відеозв'язку; онлайн
DEP: замість*; представлятиме; представлятимуть; делегацію очолить; очолить делегацію;
    очолив делегацію; відправить*; направить*; надішле
ARR: затримала; затримав; заарештувала; заарештував; затримано; затримали*; був затриманий;
    заарештовано; заарештували*; був заарештований;
    взято під варту; передано мкс; затриманий
NARR: не заарештувал*; не затримал*; не був затриманий; не був заарештований; не заарештовано;
    без арешту; відмовилася заарештувати; відмовився заарештувати
MOD: має*; мусить; повинна*; повинен*; повинні*; зобов'язан*; зобов'язання; обов'язок*;
    заарештувати; затримати; може*; закликал*; закликає*; вимага*; б; би
COND: якщо; у разі; в разі; якби
NONE: не планується; не заплановано; жодних планів; планів немає; не оголошено; спростував*;
    спростувал*; не родичка; не родич
MENT: має бути в; має бути у; повинен бути в; повинен бути у; місце йому в; має сидіти в;
    має постати перед
BG: минулого року; торік; раніше; у минулому; кілька років тому; нагада*; прецедент*
FUT: буде; будуть; наступн*; наступного тижня; планує*; очіку*; має намір
PAST: був; була; було; були; років тому; минул*; вчора; учора
NOW: сьогодні; зараз; нині
ANA: він; його; йому; президент; глава держави; російський лідер; лідер кремля; очільник кремля;
    прем'єр-міністр; прем'єр
""",
    "fr": """
NARR: n'a pas été inquiété*; pas été inquiété*; au lieu de l'arrêter; plutôt que de l'arrêter
COND: pour que; afin que
SAY: a déclaré; a dit; a affirmé; a estimé; a assuré; a ajouté; déclare; affirme
ANN: a indiqué; a annoncé; a précisé; a expliqué; a confirmé; a fait savoir; indique; annonce
TP: se rendra ensuite; poursuivra*; se retrouveront; se retrouvera; rencontrera
TN: à l'invitation de; à l'invitation du
TP: se rendra*; visitera*; effectuera*; est attendu*; sont attendus; est attendue;
    doit se rendre; devrait se rendre; doit arriver; devrait arriver; participera*;
    assistera*; prévoit de se rendre; compte se rendre; arrivera*; atterrira*; ira à; ira au;
    ira en; sera à; sera au; sera en; fera une visite*; prochaine visite*; visite prévue*;
    doit effectuer; va se rendre; vont se rendre; va participer; a accepté l'invitation;
    a confirmé sa participation; a confirmé sa présence; se rendre à; se rendre au; se rendre en;
    rencontrera*
TO: arrivé; arrivés; a quitté*; est arrivé*; sont arrivés; est arrivée; arrivé à; arrivé au;
    arrivé en; arrive à; arrive au;
    arrive en; a atterri*; s'est rendu*; se trouve à; se trouve au; se trouve en; a visité*;
    a participé*; participe à; assiste à; a assisté*; a effectué*; a été accueilli*;
    a été reçu*; est en visite; en visite à; en visite au; en visite en; a rencontré*;
    s'est entretenu*; était à; était au; était en; a séjourné*; se rend à; se rend au; se rend en
TN: visite*; voyage*; déplacement*; sommet*; tournée*; séjour*; participation*; présence à;
    présence au; présence en; venue*; arrivée*; entretiens*
INV: invité*; invitation*; invite*; inviter*
NONE: a démenti*; ont démenti*; dément*; n'est pas prévu*; aucune visite; aucun déplacement;
    sans lien avec; aucun lien avec
CAN: annulé*; annule*; annulation*; a renoncé*; renonce*; ne se rendra pas; n'assistera pas;
    ne participera pas; ne viendra pas; n'ira pas; ne sera pas présent;
    ne fera pas le déplacement;
    reporté*; report de; a décliné*; décline*; boycott*; par visioconférence; en visioconférence;
    à distance; n'a pas assisté; ne s'est pas rendu
DEP: à sa place; représenté par; représentera*; le représenter; en son nom; au lieu de;
    enverra*; a envoyé*; délégation sera conduite; conduira la délégation; dirigera la délégation;
    a dirigé la délégation; mènera la délégation
ARR: a été arrêté*; été arrêté*; ont arrêté*; arrêté à; arrêté au; arrêté en; arrêté dès;
    a été interpellé*; interpellé*; a été placé en détention; placé en garde à vue;
    a été appréhendé*; remis à la cpi; transféré à la haye; transféré à la cpi
NARR: n'a pas été arrêté*; pas été arrêté*; n'a pas arrêté*; sans être arrêté*;
    sans être inquiété;
    pas arrêté; refusé d'arrêter; n'a pas exécuté
MOD: doit*; devrait*; devraient*; obligation*; obligé*; tenu de; tenue de; arrêter; d'arrêter;
    pourrait*; serait*; appel*; appelle*; exhort*; demande*
COND: s'il; si le président; si poutine; si celui-ci; au cas où; dans le cas où; à moins que
MENT: devrait être à; doit être à; sa place est à; sa place est à la; devrait se trouver à;
    devrait comparaître; doit comparaître; doit être jugé*; devrait être remis
BG: l'an dernier; l'année dernière; l'an passé; précédemment; auparavant; par le passé;
    à l'époque; rappel*; précédent*
FUT: prochain*; prochainement; prévu*; prévoit; doit; devrait; va; vont; sera; seront;
    semaine prochaine
PAST: était; étaient; a été; avait; hier; dernier*; dernière*; s'est tenu*
NOW: aujourd'hui; actuellement; ce matin; ce soir; en ce moment
ANA: il; elle; lui; le président; le président russe; le chef du kremlin; le dirigeant russe;
    le maître du kremlin; le premier ministre; le dirigeant; l'ancien président
""",
    "es": """
TP: estará
ARR: detuvo; arrestó; detenido; arrestado
NARR: en lugar de detenerlo; en vez de detenerlo; en lugar de arrestarlo
COND: para que
SAY: dijo; afirmó; declaró; aseguró; señaló; indicó
ANN: informó; anunció; confirmó; explicó
TN: por invitación de; a invitación de; por invitación del; a invitación del
TP: recibirá*; acogerá*; visitará*; viajará*; llegará*; aterrizará*; asistirá*; participará*;
    se desplazará*;
    acudirá*; estará en; irá a; tiene previsto; prevé viajar; prevé visitar; tiene prevista;
    está previsto*; está prevista*; se espera*; es esperado*; realizará una visita*;
    próxima visita*; visita prevista*; planea viajar; planea visitar; aceptó la invitación;
    ha aceptado la invitación; confirmó su asistencia; confirmó su participación;
    se reunirá*; va a viajar; va a visitar; va a asistir
TO: recibió*; abandonó; llegó*; ha llegado*; aterrizó*; ha aterrizado*; visitó*; ha visitado*;
    viajó*; ha viajado*;
    asistió*; participó*; se encuentra en; se encontraba en; estuvo en; está en; fue recibido*;
    fue recibida*; se reunió*; se ha reunido*; realizó una visita*; inició una visita*;
    comenzó una visita*; en visita a; de visita en; llega a; aterriza en
TN: visita*; viaje*; gira*; cumbre*; participación*; asistencia*; estancia*; presencia en;
    llegada*; desplazamiento*
INV: invitó*; invitación*; invitado*; invitada*; invita*
CAN: canceló*; cancela*; cancelado*; cancelada*; cancelación*; suspendió*; suspendido*;
    renunció a viajar; ha renunciado a viajar; renuncia a viajar; renunciará a viajar;
    renunció a asistir; ha renunciado a asistir; renunció a acudir; ha renunciado a acudir;
    suspende*; no asistirá*; no viajará*; no acudirá*; no participará*; no irá*; no estará*;
    renunció*; renuncia a; declinó*; pospuso*; aplazó*; aplazad*; pospuest*; no asistió*;
    no viajó*; por videoconferencia; de forma virtual; a distancia
DEP: en su lugar; en su representación; en representación*; lo representará*; le representará*;
    representado por; enviará*; envió*; encabezará la delegación; encabezó la delegación;
    liderará la delegación; delegación estará encabezada; en lugar de
ARR: fue detenido*; ha sido detenido*; fue arrestado*; ha sido arrestado*; detuvieron*;
    arrestaron*; detenido en; arrestado en; bajo custodia; entregado a la cpi;
    trasladado a la haya; trasladado a la cpi
NARR: no fue detenido*; no fue arrestado*; no lo detuvo; no lo arrestó; no detuvo*; no arrestó*;
    sin ser detenido*; sin ser arrestado*; se negó a detener*; se negó a arrestar*
MOD: debe*; debería*; deberían*; obligación*; obligado*; obligada*; tiene que; detener*;
    arrestar*; podría*; sería*; pidió*; piden*; instó*; insta*; exig*
NONE: desmintió; desmiente; negó la visita; no está prevista; ninguna visita; sin relación con;
    sin parentesco
COND: si viaja; si llega; si putin; si el presidente; si pisa; en caso de; a menos que; si
MENT: debería estar en; debe estar en; su lugar está en; debería comparecer; debe comparecer;
    debería ser juzgado*; debe ser entregado*
BG: el año pasado; anteriormente; en el pasado; hace años; recordó*; recuerda*; precedente*;
    ya había*
FUT: próximo*; próxima*; previsto*; prevista*; prevé; se espera; la semana que viene;
    la próxima semana; va a; van a
PAST: fue; era; estuvo; había; ayer; pasado*; pasada*; hace
NOW: hoy; actualmente; esta mañana; esta tarde; en estos momentos
ANA: él; ella; el presidente; el mandatario; el líder ruso; el jefe del kremlin;
    el presidente ruso; el primer ministro; el dirigente; el líder; el expresidente
""",
    "de": """
TN: trifft; treffen; reist
ANA: des kremlchefs; kremlchef*
TO: traf; trafen
NARR: ohne festgenommen zu werden; ohne festgenommen; statt ihn festzunehmen;
    anstatt ihn festzunehmen
COND: damit; so dass; sodass
SAY: sagte; erklärte; betonte; sagt; erklärt
ANN: teilte mit; bestätigte; kündigte an
TN: auf einladung
TP: wird besuchen; will besuchen; besuchen; wird reisen; reisen; wird erwartet*; erwartet*;
    weiterreisen; weiterreist; reist weiter; weiterfliegen; fliegt weiter;
    wird teilnehmen; teilnehmen; soll nach; soll in; soll am; will nach; wird nach;
    reist am; reist nächste; wird eintreffen; eintreffen; wird landen; geplante reise*;
    geplanter besuch*; geplante besuch*; bevorstehende*; besuch geplant; reise geplant;
    hat die einladung angenommen; zugesagt; will teilnehmen; plant*; will reisen
NONE: nicht geplant; keine reise; kein besuch; keine pläne; nicht vorgesehen; dementierte*;
    dementiert*
TO: besuchte*; hat besucht; ist eingetroffen; eingetroffen*; traf ein; trifft ein; gelandet;
    verließ;
    ist gelandet; landete*; landet in; reiste*; ist gereist; nahm teil; hat teilgenommen;
    teilgenommen*; hielt sich*; hält sich*; weilte*; weilt in; war in; ist in; zu besuch in;
    wurde empfangen; wurde begrüßt; traf sich*; kam nach; kam in; ist angekommen; angekommen*
TN: besuch*; reise*; gipfel*; staatsbesuch*; gipfeltreffen*; teilnahme*; aufenthalt*;
    visite*; ankunft*; anwesenheit*
INV: eingeladen*; einladung*; lädt*; lud*
CAN: abgesagt*; sagte seine reise ab; sagte den besuch ab; sagte seine teilnahme ab;
    sagt seine reise ab; sagt seinen besuch ab; sagt seine teilnahme ab; absage*;
    wird nicht teilnehmen; nicht teilnehmen;
    wird nicht reisen; nicht reisen; nicht nach; verzichtet*; verschoben*; storniert*;
    fernbleiben*; bleibt fern; blieb fern; nimmt nicht teil; nahm nicht teil; per video*;
    virtuell
DEP: an seiner stelle; an ihrer stelle; statt; stattdessen; vertreten*; wird vertreten;
    schickt*; schickte*; entsendet*; entsandte*; delegation leiten; leitet die delegation;
    leitete die delegation
ARR: wurde festgenommen; festgenommen*; wurde verhaftet; verhaftet*; in gewahrsam genommen;
    wurde inhaftiert; an den igh überstellt; an den istgh überstellt; nach den haag überstellt;
    festnahme erfolgte
NARR: nicht festgenommen*; nicht verhaftet*; wurde nicht festgenommen; ohne festnahme;
    weigerte sich, ihn festzunehmen; nicht vollstreckt
MOD: muss*; müsste*; müssen; sollte*; sollten; verpflichtet*; pflicht*; festnehmen*;
    verhaften*; festzunehmen*; könnte*; würde*; fordert*; forderte*; aufgefordert*
COND: falls; wenn er; wenn sie; wenn putin; sollte er; im falle*; es sei denn; würde er;
    sollte netanjahu; sollte putin
MENT: gehört nach; gehört in; sollte in; müsste in; gehört vor; sollte vor
BG: letztes jahr; vergangenes jahr; im vergangenen jahr; im letzten jahr; vorjahr*; zuvor;
    früher; damals; in der vergangenheit; vor jahren; erinner*; präzedenz*
FUT: wird; werden; soll; sollen; nächste*; kommende*; geplant*; bevorstehend*; will
PAST: war; waren; hatte; gestern; vergangen*; letzte*
NOW: heute; derzeit; zurzeit; gerade; aktuell
ANA: er; ihn; ihm; sein; seine; der präsident; der kremlchef; der russische präsident;
    der kreml-chef; der regierungschef; der ministerpräsident; der premier; der ex-präsident
""",
    "it": """
NARR: invece di arrestarlo; anziché arrestarlo
COND: affinché; perché possa
SAY: ha detto; ha dichiarato; ha affermato; ha sottolineato
ANN: ha annunciato; ha confermato; ha spiegato; ha reso noto
TN: su invito
TP: visiterà*; si recherà*; andrà*; arriverà*; atterrà*; parteciperà*; sarà a; sarà in;
    proseguirà per; proseguirà verso; proseguirà alla volta di; ripartirà per;
    è atteso*; è attesa*; sono attesi; dovrebbe recarsi; deve recarsi; previsto l'arrivo;
    prevista la visita; prossima visita*; visita prevista*; ha accettato l'invito;
    ha confermato la partecipazione; ha confermato la sua presenza; intende recarsi;
    intende visitare; incontrerà*; si recherebbe; prenderà parte
TO: è in visita; si trova in; si trova a; è arrivato*; ha lasciato
TP: partirà per; partirà alla volta di
TO: è arrivato*; è arrivata*; arrivato a; arrivato in; arriva a; arriva in; è atterrato*;
    atterrato*; ha visitato*; visitato*; si è recato*; si trova a; si trova in; si trovava*;
    ha partecipato*; ha preso parte; partecipa a; è stato accolto*; è stato ricevuto*;
    ha incontrato*; è in visita; in visita a; in visita in; era a; era in
TN: visita*; viaggio*; vertice*; summit*; trasferta*; partecipazione*; presenza a; presenza in;
    arrivo*; soggiorno*; tappa*
INV: invitato*; invitata*; invito*; invitò*; invita*
CAN: annullato*; annullata*; annulla*; annullamento*; cancellato*; cancellata*; rinuncia*;
    ha rinunciato*; non parteciperà*; non si recherà*; non andrà*; non sarà presente;
    non sarà a; non sarà in; in videocollegamento; videocollegamento; in collegamento;
    rinviato*; rinviata*; ha declinato*; in videoconferenza; in collegamento video; da remoto;
    non ha partecipato; non si è recato
DEP: al suo posto; in sua vece; in sua rappresentanza; rappresentato da; rappresenterà*;
    invierà*; ha inviato*; guiderà la delegazione; ha guidato la delegazione; invece di
ARR: è stato arrestato*; stato arrestato*; arrestato*; arrestata*; è stato fermato*;
    fermato*; in custodia; consegnato alla cpi; trasferito all'aia; trasferito alla cpi
NARR: non è stato arrestato*; non arrestato*; senza essere arrestato*; non ha arrestato*;
    si è rifiutato di arrestarlo; si è rifiutata di arrestarlo
MOD: deve*; dovrebbe*; dovrebbero*; obbligo*; obbligat*; tenuto a; tenuta a; arrestare*;
    potrebbe*; sarebbe*; chiede*; chiesto*; esort*
COND: se dovesse; se putin; se il presidente; qualora; nel caso*; a meno che; se andasse;
    se si recasse; se venisse
NONE: non è prevista; non è previsto; nessuna visita; nessun viaggio; non sono previste;
    ha smentito; hanno smentito; smentisce
MENT: dovrebbe essere all'; dovrebbe essere a; deve essere a; il suo posto è all';
    dovrebbe comparire;
    deve comparire; dovrebbe essere processato*
BG: l'anno scorso; lo scorso anno; in passato; precedentemente; anni fa; ricord*; precedent*
FUT: prossim*; previst*; atteso; attesa; la settimana prossima; sarà; saranno; dovrebbe
PAST: era; erano; fu; aveva; ieri; scorso; scorsa
NOW: oggi; attualmente; stamattina; in questo momento
ANA: lui; lei; egli; il presidente; il presidente russo; il leader russo; il capo del cremlino;
    il premier; il primo ministro; il leader; l'ex presidente
""",
    "pt": """
TP: estará
ARR: prendeu; deteve
NARR: em vez de prendê-lo; em vez de o prender; ao invés de prendê-lo
COND: para que
SAY: disse; afirmou; declarou; destacou
ANN: confirmou; informou; anunciou; explicou
TN: a convite de; a convite do; a convite da
TP: visitará*; viajará*; chegará*; aterrissará*; aterrará*; participará*; comparecerá*;
    irá a; irá ao; irá à; estará em; estará no; estará na; deve viajar; deve visitar;
    deve chegar; é esperado*; é esperada*; está previsto*; está prevista*; prevê viajar;
    prevê visitar; próxima visita*; visita prevista*; planeja viajar; planeja visitar;
    aceitou o convite; confirmou presença; confirmou a presença; confirmou a participação;
    vai viajar; vai visitar; vai participar; vai a; vai ao; vai à; se reunirá*; se encontrará*
TO: chegou*; aterrissou*; aterrou*; visitou*; viajou*; participou*; compareceu*; esteve em;
    esteve no; esteve na; está em visita; em visita a; em visita ao; em visita à; foi recebido*;
    foi recebida*; se reuniu*; reuniu-se*; encontrou-se*; desembarcou*; chega a; chega ao;
    chega à; desembarca*
TN: visita*; viagem*; cúpula*; cimeira*; participação*; presença em; presença na; presença no;
    chegada*; passagem*; deslocação*; deslocamento*
INV: convidou*; convite*; convidado*; convidada*; convida*
NONE: desmentiu; desmente*; negou a visita; não está prevista; nenhuma visita
TO: deixou
CAN: não virá; não viria; não comparecerá; cancelou*; cancela*; cancelad*; cancelamento*;
    suspendeu*; suspens*; não irá*; não vai*;
    desistiu de viajar; desistiu da viagem; não viajará; não viaja;
    não participará*; não comparecerá*; não viajará*; desistiu*; desiste*; adiou*; adiad*;
    recusou*; declinou*; não compareceu*; não viajou*; por videoconferência; virtualmente;
    à distância
DEP: em seu lugar; no seu lugar; em sua representação; representado por; representará*;
    enviará*; enviou*; liderará a delegação; chefiará a delegação; chefiou a delegação;
    em vez de; ao invés de
ARR: foi preso*; foi detido*; foi detida*; foi presa*; preso em; detido em; prenderam*;
    detiveram*; sob custódia; entregue ao tpi; transferido para haia; transferido para o tpi
NARR: não foi preso*; não foi detido*; sem ser preso*; sem ser detido*; não o prendeu;
    não prendeu*; não deteve*; recusou-se a prender; se recusou a prender
MOD: deve*; deveria*; deveriam*; obrigação*; obrigad*; tem de; tem que; prender*; deter; detê-lo;
    poderia*; seria*; pediu*; pedem*; exort*; exig*
COND: caso ele; caso viaje; caso o presidente; no caso de; se ele; se putin; se o presidente;
    vier ao; vier à; vier a; vier para; viesse; viajasse; for ao;
    se for; a menos que
MENT: deveria estar em; deve estar em; o lugar dele é; seu lugar é; deveria comparecer;
    deve comparecer; deveria ser julgado*
BG: no ano passado; o ano passado; anteriormente; no passado; na altura; na época; há anos;
    lembrou*; lembra*; recordou*; precedente*; já tinha
FUT: próxim*; previst*; prevê; vai; vão; deverá; irá; semana que vem; próxima semana
PAST: foi; era; esteve; tinha; ontem; passado*; passada*
NOW: hoje; atualmente; actualmente; esta manhã; neste momento
ANA: ele; ela; o presidente; o presidente russo; o líder russo; o chefe do kremlin;
    o primeiro-ministro; o líder; o dirigente; o ex-presidente
""",
    "ar": """
ARR: القبض على; ألقت القبض على; ألقي القبض على; القبض
MOD: مذكرة اعتقال; مذكرة توقيف; مذكرة القبض; مذكرتي توقيف; مذكرتي اعتقال; مذكرة الاعتقال;
    مذكرة التوقيف
NARR: بدلا من اعتقاله; بدلاً من اعتقاله
COND: لكي; كي
SAY: قال; صرح; أكد; أعلن
TN: بدعوة من; تلبية لدعوة
TP: سيزور; سيصل; سيتوجه; سيسافر; سيحضر; سيشارك; سيحل; سيلتقي; يعتزم; يعتزم زيارة; يعتزم السفر;
    من المقرر; من المتوقع; من المنتظر; المرتقبة; المرتقب; المقبلة; المزمعة; المزمع;
    يتوقع أن; يُتوقع; سيقوم بزيارة; يزور; يصل; يتوجه; يحضر; يشارك في; قبل الدعوة; قبل دعوة;
    أكد مشاركته; أكد حضوره
TO: زار; زارت; وصل; وصلت; حط; حطت; توجه; توجهت; حضر; حضرت; شارك; شاركت; التقى; التقت;
    استقبل; استُقبل; هبطت طائرته; هبطت طائرة; يقوم بزيارة; في زيارة; خلال زيارته; أجرى محادثات;
    يتواجد في; تواجد في; موجود في
TN: زيارة; زيارته; بزيارة; الزيارة; رحلة; رحلته; جولة; جولته; قمة; القمة; مشاركة; مشاركته;
    حضور; حضوره; وصول; وصوله; سفر; سفره; الزيارات
INV: دعا; دعوة; دعوته; الدعوة; تلقى دعوة; وجه دعوة; وجّه دعوة
CAN: ألغى; الغى; ألغت; إلغاء; الغاء; ألغيت; أُلغيت; لن يحضر; لن يشارك; لن يزور; لن يسافر;
    لن يتوجه; لن يصل; تغيب; سيتغيب; غاب; اعتذر; اعتذار; أرجأ; تأجيل; تأجلت; عبر الفيديو;
    عبر تقنية الفيديو; افتراضيا
DEP: بدلا منه; بدلاً منه; بدلا من; بدلاً من; نيابة عنه; نيابة عن; سيمثل; سيمثله; يمثله;
    سيرأس الوفد; يرأس الوفد; ترأس الوفد; سيوفد; أوفد
ARR: اعتقل; اعتُقل; اعتقال; اعتقلت; اعتقلته; ألقي القبض; أُلقي القبض; ألقت القبض; القبض عليه;
    تم القبض; تم اعتقال; تم توقيف; أوقف; أوقفت; احتجز; احتجاز; سلم إلى المحكمة;
    تسليمه إلى المحكمة;
    نقل إلى لاهاي
NARR: لم يعتقل; لم تعتقل; لم يتم اعتقال; لم يتم القبض; دون اعتقال; دون أن يعتقل; دون توقيف;
    لم تلق القبض; رفضت اعتقال; رفضت تسليم; امتنعت عن
MOD: يجب; يتعين; ينبغي; ملزمة; ملزم; التزام; التزاماتها; واجب; اعتقاله; توقيفه; طالبت; يطالب;
    أمر القبض; أمر بالقبض;
    يمكن; قد; طالب; تطالب; دعت; يدعو; تدعو
COND: إذا; اذا; لو; في حال; في حالة; ما لم
NONE: نفت; نفى; لا توجد خطط; لا زيارة
MENT: يجب أن يكون في; مكانه في; مكانه الطبيعي; يجب أن يمثل أمام; ينبغي أن يكون في
BG: العام الماضي; السنة الماضية; سابقا; سابقاً; في السابق; في الماضي; آنذاك; قبل سنوات; تذكير;
    سابقة
FUT: سوف; المقبل; المقبلة; القادم; القادمة; الأسبوع المقبل; المرتقب; المقرر; المتوقع
PAST: كان; كانت; أمس; الماضي; الماضية
NOW: اليوم; حاليا; حالياً; الآن; هذه الأيام
ANA: الرئيس; الرئيس الروسي; الزعيم الروسي; سيد الكرملين; رئيس الوزراء; الرئيس السابق;
    الرئيس السوداني; رئيس الحكومة
""",
    "he": """
SAY: אמר; אמרה; הודיע
ANN: נמסר
TP: יבקר; יגיע; ינחת; ייסע; ישתתף; צפוי להגיע; צפוי לבקר; מתכנן לבקר; ביקור מתוכנן; יטוס;
    ימריא; ישהה
TO: ביקר; הגיע; נחת; נסע; השתתף; טס; נפגש; התקבל; המריא; שוהה
TN: ביקור; ביקורו; נסיעה; נסיעתו; פסגה; ועידה; טיסה
INV: הזמין; הזמנה; הוזמן
CAN: ביטל; בוטל; בוטלה; ביטול; לא יגיע; לא ישתתף; לא ייסע; דחה; נדחה
DEP: במקומו; ייצג; ישלח
ARR: נעצר; נעצרה; נעצרו; עצרו; נלקח למעצר
NARR: לא נעצר; לא עצרו
MOD: חייב; חייבת; צריך; צריכה; מחויבת; לעצור; עשוי; עלול
COND: אם; במקרה
NONE: הכחיש; הכחישה; לא מתוכנן; לא מתוכננת; אין קשר
MENT: צריך להיות ב; מקומו ב
BG: בשנה שעברה; בעבר; קודם לכן
FUT: בשבוע הבא; הקרוב; הקרובה; צפוי
PAST: היה; הייתה; אתמול
NOW: היום; כעת; עכשיו
ANA: הוא; ראש הממשלה
""",
}


def parse_lexicon(lexicon: dict[str, str] | None = None) -> list[Cue]:
    """All cues of the lexicon, one per phrase and language."""
    out: list[Cue] = []
    for lang, block in (lexicon or LEXICON).items():
        code: str | None = None
        open_list = False  # the line before ended with ";": the next may continue it
        for raw in block.strip().splitlines():
            line = raw.strip()
            if not line:
                continue
            head, sep, rest = line.partition(":")
            if sep and head.strip() in CODES:
                code = head.strip()
                line = rest
            elif code is not None and not open_list:
                # A continuation line after a list that ended without ";" would silently
                # take that list's code: the mistake of inserting a new code line between
                # a code line and its continuations.
                raise ValueError(f"cue line continues a closed list in {lang!r}: {raw!r}")
            if code is None:
                raise ValueError(f"cue line without a code in {lang!r}: {raw!r}")
            open_list = line.rstrip().endswith(";")
            for item in line.split(";"):
                phrase = item.strip()
                if not phrase:
                    continue
                stem = phrase.endswith("*")
                phrase = phrase.rstrip("*").strip()
                if "*" in phrase:
                    raise ValueError(f"'*' only ends a stem: {item!r} in {lang!r}")
                if phrase:
                    out.append(Cue(phrase=phrase, code=code, lang=lang, stem=stem))
    return out
