"""The questions no source answers, and what the library does about each, as data."""

from __future__ import annotations

from typing import Final

import attrs

from turkicorg.elders import ORDER_EVIDENCE, RULE_SOURCE

__all__ = ["OPEN_QUESTIONS", "OpenQuestion"]


@attrs.frozen(kw_only=True)
class OpenQuestion:
    """A question no source found answers, and what the library does about it.

    Attributes:
        id: Stable identifier ("coe-chair-term").
        question: The question, in words.
        explanation: What is known around it and what is missing.
        handling: What the library does instead of guessing (its default and the option).
        see: The parts of the API concerned.
        evidence: Sources that bear on the question without answering it.
    """

    id: str
    question: str
    explanation: str
    handling: str
    see: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


OPEN_QUESTIONS: Final = (
    OpenQuestion(
        id="coe-meetings-1-9-and-11",
        question="When and where were the 1st to 9th and the 11th meetings of the Council of "
        "Elders held?",
        explanation="The registry's record of the Council of Elders starts with the 12th "
        "meeting (9 February 2022). No source found dates or places the 1st to 9th or the "
        "11th meeting.",
        handling="They are not in the meeting registry: no record rather than an invented "
        "one. Counts and gaps of the Council's meetings start at the 12th.",
        see=("Organization.meetings",),
    ),
    OpenQuestion(
        id="coe-10th-meeting-year",
        question="In which year was the 10th meeting of the Council of Elders held?",
        explanation="A report names Mustafa İsen as Türkiye's elder at the 10th meeting but "
        "gives no year.",
        handling="The meeting is not in the registry, and Mustafa İsen's appointment has no "
        "dates, so it answers no as-of question.",
        see=("Organization.elders",),
        evidence=("https://sakaryarehberim.com/cn/capan-giyen-isen-aksakallar-konseyi%C2%92nde",),
    ),
    OpenQuestion(
        id="coe-chair-term",
        question="How long is the term of the Chairman of the Council of Elders?",
        explanation="Elders are appointed for four years, but no source states the Chairman's "
        "term. Binali Yıldırım has chaired since the 8th Summit (12 November 2021); no "
        "successor has been found.",
        handling="By default only recorded handovers change the chair "
        "(ElderChairPolicy(term_years=None)), and a next chair comes without a date. "
        "ElderChairPolicy(term_years=4) assumes a term; every date it gives is marked "
        "projected.",
        see=("turkicorg.elders.ElderChairPolicy", "CouncilOfElders.next_chair"),
        evidence=(RULE_SOURCE,),
    ),
    OpenQuestion(
        id="coe-quorum",
        question="What is the quorum of the Council of Elders?",
        explanation="The organization's description of the Council says it decides by "
        "consensus and names no quorum.",
        handling="Consensus() has no quorum; Consensus(quorum=n) applies one.",
        see=("turkicorg.decisions.Consensus",),
        evidence=(RULE_SOURCE,),
    ),
    OpenQuestion(
        id="chs-cfm-decision-rule",
        question="What does the treaty text say about how the Council of Heads of State and "
        "the Council of Foreign Ministers decide?",
        explanation="No treaty text on the decision rule of either council was found. "
        "Practice (declarations signed by every head of state) is consistent with consensus.",
        handling="Consensus of the member states is the documented default policy, marked "
        "DecisionBasis.POLICY (not sourced); Organization.decide takes rule= for another "
        "rule. Observers' positions are recorded and never count.",
        see=("Organization.decide", "OrganProfile.decision_basis"),
        evidence=("https://islamworld.preslib.az/page/WovuL4FcMs",),
    ),
    OpenQuestion(
        id="nakhchivan-agreement-in-force",
        question="When did the Nakhchivan Agreement enter into force?",
        explanation="Its rule is known: the 30th day after the depositary receives the third "
        "notification of completed domestic procedures (Art. 22). No source gives the date.",
        handling="Treaty.in_force is None. The founding members' membership counts from the "
        "signature, 3 October 2009.",
        see=("Organization.treaties",),
    ),
    OpenQuestion(
        id="protocol-2022-in-force",
        question="Is the 2022 Protocol on Amendments to the Nakhchivan Agreement in force?",
        explanation="Türkiye, Azerbaijan (4 April 2023) and Kazakhstan (23 May 2025) ratified "
        "it; Kyrgyz and Uzbek ratifications were not found. It enters into force on the 30th "
        "day after the depositary receives the last notification.",
        handling="Treaty.in_force is None. The new name (12 November 2021) and Northern "
        "Cyprus's observer status (11 November 2022) are dated from the summit decisions, not "
        "from the Protocol's entry into force.",
        see=("Organization.treaties",),
        evidence=(
            "https://zakonpravo.kz/en/on-ratification-of-the-protocol-on-amendments-to-the-nakhichevan-agreement-on-the-establishment-of-the-cooperation-council-of-turkic-speaking-states",
            "https://mia.az/w1046614/milli-meclis-tdt-ile-bagli-protokolu-tesdiqleyib-2023-04-04-130805",
        ),
    ),
    OpenQuestion(
        id="next-secretary-general",
        question="Who will be the next Secretary General, and from when?",
        explanation="Kubanychbek Omuraliev took office on 14 November 2022 for a term reported "
        "as three years and was still in office in late 2025; no successor or extension has "
        "been found.",
        handling="His appointment has no end, so secretary_general(on=...) names him for any "
        "later day until the data records a change. No successor is projected.",
        see=("Organization.secretary_general",),
    ),
    OpenQuestion(
        id="coe-chair-name-order",
        question="Which name order does the organization apply from the third Chairman of "
        "the Council of Elders on?",
        explanation="The rule names the English alphabetical order of the member states' "
        "official names; the evidence (the order the Secretaries General followed, the 2022 "
        "Protocol's list of Parties) follows short names. Both orders give Uzbekistan after "
        "Türkiye; from the third Chairman they differ: Azerbaijan, Kazakhstan, Kyrgyzstan by "
        "short names; Kyrgyzstan (Kyrgyz Republic), Azerbaijan, Kazakhstan by official names.",
        handling="Default short names (NameOrder.SHORT); next_chair(order=NameOrder.OFFICIAL) "
        "or ElderChairPolicy(order=NameOrder.OFFICIAL) gives the other reading.",
        see=("CouncilOfElders.next_chair", "turkicorg.rotation.NameOrder"),
        evidence=(RULE_SOURCE, *ORDER_EVIDENCE),
    ),
    OpenQuestion(
        id="secretary-general-term-extension",
        question="Until when was the Secretary General's term extended in May 2025?",
        explanation="The informal summit in Budapest (21 May 2025) adopted a decision on the "
        "extension of the term of office of the Secretary General; no source found states the "
        "new end of the term.",
        handling="The appointment keeps no end date: Kubanychbek Omuraliev is answered as "
        "Secretary General up to the data horizon, and the note says why.",
        see=("Organization.secretary_general",),
        evidence=(
            "https://ru.kabar.kg/news/po-itogam-neformalnogo-sammita-otg-podpisany-i-prinyaty-ryad-mnogostoronnih-dokumentov",
        ),
    ),
    OpenQuestion(
        id="informal-summit-2026-date",
        question="When in 2026 is the informal summit in Turkistan held?",
        explanation="Reports of October 2025 to January 2026 say April, the newest (6 February "
        "2026) says May; no report of the summit itself lies before the data horizon.",
        handling="The meeting is recorded as planned (tentative) in May 2026 with April as a "
        "sourced alternative; it stays planned until a source reports it held.",
        see=("Organization.meetings",),
        evidence=(
            "https://vestikavkaza.ru/news/nazvana-data-provedenia-neformalnogo-sammita-otg.html",
        ),
    ),
    OpenQuestion(
        id="soc-meetings-2025-2026",
        question="Which meetings of the Senior Officials Committee took place from May 2025 "
        "to the data horizon?",
        explanation="The Committee prepares every ministerial meeting and summit, but no stored "
        "source reports one of its meetings in that period (searched in seven languages).",
        handling="None is recorded: the registry does not infer a meeting from the ones it "
        "prepared. The Committee has no stated rhythm, so no gap is reported either.",
        see=("Organization.meetings",),
    ),
    OpenQuestion(
        id="cfm-12th-ordinal",
        question="Was the Gabala meeting of 7 October 2025 the 12th regular meeting of the "
        "Council of Foreign Ministers?",
        explanation="No source numbers it; the organization's count of its ministerial "
        "meetings (28, of which 12 informal and 5 extraordinary) fits it being the 12th "
        "regular one.",
        handling="The ordinal is kept with that inference in the meeting's note.",
        see=("Organization.meetings",),
        evidence=("https://turkicstates.org/areas-of-cooperation-detail/1-political-cooperation",),
    ),
)
"""The questions the sources leave open, in the order the documentation lists them."""
