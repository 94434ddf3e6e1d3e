"""ISO 3166-1 alpha-3 codes of the countries in resources/reference/countries.json.

Persons' nationalities are stored as alpha-2 codes (``PersonNationality.country_code``); the
command line and imports also accept alpha-3 (``SYR``), which is what many documents and
partner systems use. Pairs generated from Debian's iso-codes (``iso_3166-1.json``); the
user-assigned codes take the codes of travel documents (ICAO Doc 9303): Kosovo ``XKX``,
stateless (``XX``) ``XXA``, unknown (``ZZ``) ``XXX``.
"""

from __future__ import annotations

from functools import cache

from mzdesk.core import reference

# "SYRSY" = alpha-3 "SYR", alpha-2 "SY".
_PAIRS = (
    "ANDAD AREAE AFGAF ATGAG AIAAI ALBAL ARMAM AGOAO ATAAQ ARGAR ASMAS AUTAT AUSAU ABWAW "
    "ALAAX AZEAZ BIHBA BRBBB BGDBD BELBE BFABF BGRBG BHRBH BDIBI BENBJ BLMBL BMUBM BRNBN "
    "BOLBO BESBQ BRABR BHSBS BTNBT BVTBV BWABW BLRBY BLZBZ CANCA CCKCC CODCD CAFCF COGCG "
    "CHECH CIVCI COKCK CHLCL CMRCM CHNCN COLCO CRICR CUBCU CPVCV CUWCW CXRCX CYPCY CZECZ "
    "DEUDE DJIDJ DNKDK DMADM DOMDO DZADZ ECUEC ESTEE EGYEG ESHEH ERIER ESPES ETHET FINFI "
    "FJIFJ FLKFK FSMFM FROFO FRAFR GABGA GBRGB GRDGD GEOGE GUFGF GGYGG GHAGH GIBGI GRLGL "
    "GMBGM GINGN GLPGP GNQGQ GRCGR SGSGS GTMGT GUMGU GNBGW GUYGY HKGHK HMDHM HNDHN HRVHR "
    "HTIHT HUNHU IDNID IRLIE ISRIL IMNIM INDIN IOTIO IRQIQ IRNIR ISLIS ITAIT JEYJE JAMJM "
    "JORJO JPNJP KENKE KGZKG KHMKH KIRKI COMKM KNAKN PRKKP KORKR KWTKW CYMKY KAZKZ LAOLA "
    "LBNLB LCALC LIELI LKALK LBRLR LSOLS LTULT LUXLU LVALV LBYLY MARMA MCOMC MDAMD MNEME "
    "MAFMF MDGMG MHLMH MKDMK MLIML MMRMM MNGMN MACMO MNPMP MTQMQ MRTMR MSRMS MLTMT MUSMU "
    "MDVMV MWIMW MEXMX MYSMY MOZMZ NAMNA NCLNC NERNE NFKNF NGANG NICNI NLDNL NORNO NPLNP "
    "NRUNR NIUNU NZLNZ OMNOM PANPA PERPE PYFPF PNGPG PHLPH PAKPK POLPL SPMPM PCNPN PRIPR "
    "PSEPS PRTPT PLWPW PRYPY QATQA REURE ROURO SRBRS RUSRU RWARW SAUSA SLBSB SYCSC SDNSD "
    "SWESE SGPSG SHNSH SVNSI SJMSJ SVKSK SLESL SMRSM SENSN SOMSO SURSR SSDSS STPST SLVSV "
    "SXMSX SYRSY SWZSZ TCATC TCDTD ATFTF TGOTG THATH TJKTJ TKLTK TLSTL TKMTM TUNTN TONTO "
    "TURTR TTOTT TUVTV TWNTW TZATZ UKRUA UGAUG UMIUM USAUS URYUY UZBUZ VATVA VCTVC VENVE "
    "VGBVG VIRVI VNMVN VUTVU WLFWF WSMWS YEMYE MYTYT ZAFZA ZMBZM ZWEZW "
    "XKXXK XXAXX XXXZZ"
)


@cache
def alpha3_to_alpha2() -> dict[str, str]:
    return {pair[:3]: pair[3:] for pair in _PAIRS.split()}


@cache
def alpha2_to_alpha3() -> dict[str, str]:
    return {two: three for three, two in alpha3_to_alpha2().items()}


def to_alpha2(code: str) -> str | None:
    """The stored (alpha-2) code for ``code`` given as alpha-2 or alpha-3; None if unknown."""
    raw = code.strip().upper()
    if len(raw) == 3:
        raw = alpha3_to_alpha2().get(raw, "")
    return raw if raw in reference.by_code("countries") else None


def to_alpha3(code: str) -> str:
    """The alpha-3 code of a stored alpha-2 code (the code itself if it has none)."""
    return alpha2_to_alpha3().get(code, code)
