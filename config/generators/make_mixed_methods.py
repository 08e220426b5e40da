"""Generate the data of the mixed-methods example (deterministic): ``mixed-methods/``.

An invented sequential explanatory study of the internal use of performance information in a
city government ("Pemerintah Kota X"), modelled on a published abstract (technical and
organizational factors do not drive the use, cultural factors do; the interviews tell of
coercive, mimetic and normative pressure). Nothing here is real: neither the answers nor the
interview excerpts are any person's words.

- ``responses.csv``: 96 employees, a profile and 17 items on a 1–5 scale. The construct scores
  follow the model below plus noise; items are the construct score plus item noise, cut into
  five answers.
- ``wawancara.xlsx``: the coded interview corpus as three sheets (``kutipan``, ``kode``,
  ``informan``).
- ``wawancara.qdpx``: the same corpus as a REFI-QDA project (one text per informant, each
  excerpt a coded selection); GUIDs are uuid5 of names, zip entries carry a fixed date, so
  running the script again writes the same bytes.

    python make_mixed_methods.py
"""

from __future__ import annotations

import datetime
import io
import re
import uuid
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import numpy as np
from openpyxl import Workbook

HERE = Path(__file__).resolve().parents[1] / "examples" / "mixed-methods"
N = 96
SEED = 2048  # chosen so that the sample's paths lie near the model's (FT, FO about 0.07, FK about 0.5)
# The construct scores: FT, FO and FK share a common factor (loading SHARED); PIK depends
# (almost) on FK only; an item is its construct's score plus noise of sd ITEM_NOISE, cut at the
# shares CUTS of the respondents (about 3% answer 1, 12% at most 2, 40% at most 3, 75% at most 4).
PATHS = {"FT": 0.07, "FO": 0.07, "FK": 0.55}
SHARED = 0.7
RESIDUAL = 0.75
ITEM_NOISE = 0.55
CUTS = np.array([0.03, 0.12, 0.40, 0.75])
ITEMS = {"FT": 4, "FO": 4, "FK": 4, "PIK": 5}
FIXED_TIME = (2023, 1, 1, 0, 0, 0)
NAMESPACE = uuid.UUID("6f1c3b2e-5d4a-4e8f-9a7b-2c1d0e9f8a76")  # this example's uuid5 namespace

# --- the interview corpus ----------------------------------------------------------------------

INFORMANTS = [
    ("I-01", "Kepala Bagian Organisasi", "Sekretariat Daerah"),
    ("I-02", "Kasubbag Perencanaan dan Keuangan", "Dinas Kesehatan"),
    ("I-03", "Kasubbag Perencanaan", "Dinas Pendidikan"),
    ("I-04", "Analis Kinerja", "Bagian Organisasi Sekretariat Daerah"),
    ("I-05", "Auditor Ahli Muda", "Inspektorat Daerah"),
    ("I-06", "Kepala Bidang Perencanaan, Pengendalian dan Evaluasi", "Bappeda"),
    ("I-07", "Kasubbag Program dan Pelaporan", "Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("I-08", "Kasubbag Umum dan Perencanaan", "Dinas Komunikasi dan Informatika"),
    ("I-09", "Analis Kinerja", "Dinas Sosial"),
    ("I-10", "Kasubbag Perencanaan dan Evaluasi", "Badan Pengelolaan Keuangan dan Aset Daerah"),
]

# theme → (framework category or "", description of the theme, {code: definition})
CODEBOOK = {
    "Tekanan koersif": (
        "Isomorfisme koersif",
        "Informasi kinerja dipakai karena diwajibkan dan dinilai oleh pihak yang berwenang.",
        {
            "kewajiban regulasi": "Informan menyebut peraturan (SAKIP, Renstra, LKjIP, RKPD) sebagai alasan menyusun dan memakai informasi kinerja.",
            "evaluasi SAKIP": "Informan menyebut evaluasi AKIP oleh Kementerian PAN-RB atau Inspektorat dan nilainya sebagai pendorong.",
            "sanksi dan teguran": "Informan menyebut teguran, temuan, atau disebutnya OPD bernilai rendah bila kewajiban tidak dipenuhi.",
        },
    ),
    "Tekanan mimetik": (
        "Isomorfisme mimetik",
        "Praktik pengukuran dan pemakaian informasi kinerja ditiru dari daerah yang dianggap berhasil.",
        {
            "meniru daerah lain": "Informan menyebut format, dokumen, atau cara kerja yang diambil dari daerah lain yang nilainya baik.",
            "studi banding": "Informan menyebut kunjungan ke daerah lain untuk mempelajari sistem kinerjanya.",
        },
    ),
    "Tekanan normatif": (
        "Isomorfisme normatif",
        "Pelatihan dan standar profesi membentuk cara pegawai memahami dan memakai informasi kinerja.",
        {
            "pelatihan dan bimtek": "Informan menyebut pelatihan, diklat, atau bimbingan teknis tentang perencanaan dan pengukuran kinerja.",
            "norma profesi": "Informan menyebut standar atau rasa malu di antara sesama perencana, analis, atau auditor.",
        },
    ),
    "Budaya kinerja": (
        "",
        "Kebiasaan memakai data dan berorientasi pada hasil dalam pekerjaan sehari-hari.",
        {
            "kebiasaan memakai data": "Informan menggambarkan data capaian yang dibuka dan dibahas sebagai kebiasaan, tanpa disuruh.",
            "orientasi hasil": "Informan menekankan hasil bagi masyarakat, bukan serapan anggaran atau kegiatan.",
        },
    ),
    "Keterbatasan sistem": (
        "",
        "Aplikasi dan data yang belum mendukung pemakaian informasi kinerja.",
        {
            "aplikasi belum terintegrasi": "Informan menyebut aplikasi perencanaan, keuangan, dan kinerja yang tidak saling terhubung atau input berulang.",
            "kualitas data": "Informan menyebut data capaian yang tidak valid, terlambat, atau tanpa dasar perhitungan.",
        },
    ),
    "Dukungan pimpinan": (
        "",
        "Perhatian, arahan, dan anggaran dari pimpinan untuk pemakaian informasi kinerja.",
        {
            "arahan pimpinan": "Informan menyebut pimpinan (Wali Kota, Sekda, kepala OPD) yang menanyakan atau menuntut data capaian.",
            "alokasi anggaran": "Informan menyebut ada atau tidak adanya anggaran untuk sistem dan data kinerja.",
        },
    ),
}

# (informant, excerpt, codes) — invented, in the order of the interviews
EXCERPTS = [
    (
        "I-01",
        (
            "Terus terang, OPD menyusun Renja dan LKjIP itu karena diwajibkan aturan SAKIP. Kalau tidak ada aturannya, "
            "saya ragu semua OPD mau repot mengukur indikator kinerja."
        ),
        ["kewajiban regulasi"],
    ),
    (
        "I-01",
        (
            "Setiap tahun kita dievaluasi Kementerian PAN-RB dan nilai SAKIP kita diumumkan. Jadi pimpinan selalu tanya, "
            "nilai kita berapa, naik atau turun."
        ),
        ["evaluasi SAKIP"],
    ),
    (
        "I-01",
        ("Waktu kota tetangga dapat nilai BB, Pak Sekda langsung minta kita pelajari apa yang mereka kerjakan. Formatnya kita ikuti semua."),
        ["meniru daerah lain", "arahan pimpinan"],
    ),
    (
        "I-01",
        ("Di beberapa bidang sudah mulai terbiasa, rapat evaluasi triwulan dibuka dengan capaian indikator dulu, baru bahas kegiatan."),
        ["kebiasaan memakai data"],
    ),
    (
        "I-01",
        (
            "Kalau Wali Kota sendiri yang menanyakan capaian di rapat pimpinan, kepala dinas pasti menyiapkan datanya. "
            "Arahan dari atas itu yang paling terasa."
        ),
        ["arahan pimpinan"],
    ),
    (
        "I-02",
        "Kami isi e-SAKIP karena diminta Bagian Organisasi tiap triwulan. Kalau terlambat, kami ditegur lewat surat.",
        ["kewajiban regulasi", "sanksi dan teguran"],
    ),
    (
        "I-02",
        (
            "Aplikasinya banyak, ada SIPD, ada e-SAKIP, ada lagi aplikasi dari kementerian. Datanya sama tapi harus "
            "diinput berulang-ulang, tidak nyambung satu sama lain."
        ),
        ["aplikasi belum terintegrasi"],
    ),
    (
        "I-02",
        (
            "Sebenarnya teman-teman di puskesmas sudah biasa lihat data, misalnya cakupan imunisasi. Angka itu yang "
            "dipakai untuk menentukan kegiatan tahun depan."
        ),
        ["kebiasaan memakai data"],
    ),
    ("I-02", "Saya ikut bimtek penyusunan indikator kinerja, dari situ baru paham bedanya output dan outcome.", ["pelatihan dan bimtek"]),
    (
        "I-03",
        ("Karena ada evaluasi dari Inspektorat, kami harus bisa menunjukkan bahwa program itu ada hubungannya dengan sasaran di Renstra."),
        ["evaluasi SAKIP"],
    ),
    (
        "I-03",
        (
            "Data kami sering tidak valid, jumlah siswa di aplikasi pusat beda dengan laporan sekolah. Jadi kadang "
            "kami sendiri ragu memakai angka itu untuk mengambil keputusan."
        ),
        ["kualitas data"],
    ),
    (
        "I-03",
        (
            "Kepala dinas yang sekarang selalu bilang, jangan cuma habiskan anggaran, lihat hasilnya apa. Itu mengubah "
            "cara teman-teman menyusun program."
        ),
        ["orientasi hasil", "arahan pimpinan"],
    ),
    (
        "I-03",
        ("Setelah ikut pelatihan SAKIP, teman-teman perencana malu kalau indikatornya asal-asalan. Ada semacam standar di antara kami."),
        ["pelatihan dan bimtek", "norma profesi"],
    ),
    ("I-03", "Anggaran untuk mengembangkan sistem informasi kinerja itu belum pernah ada di DPA kami.", ["alokasi anggaran"]),
    (
        "I-04",
        ("Tugas saya mengompilasi laporan kinerja OPD. Yang mendorong OPD itu, jujur saja, kewajiban menyampaikan LKjIP tepat waktu."),
        ["kewajiban regulasi"],
    ),
    (
        "I-04",
        "Kami pernah studi banding ke kabupaten yang nilainya A, lalu pohon kinerja mereka kami adopsi untuk semua OPD.",
        ["studi banding", "meniru daerah lain"],
    ),
    (
        "I-04",
        "Aplikasi e-SAKIP kita masih sebatas unggah dokumen, belum bisa menarik data realisasi dari aplikasi keuangan.",
        ["aplikasi belum terintegrasi"],
    ),
    (
        "I-04",
        ("Sebagai analis kami dituntut paham cara mengukur. Di forum jabatan fungsional sering dibahas seperti apa indikator yang baik."),
        ["norma profesi"],
    ),
    ("I-04", "Kalau data capaian dari OPD masuk, sering angkanya tidak ada dasar perhitungannya. Kami harus telepon satu-satu.", ["kualitas data"]),
    (
        "I-05",
        (
            "Dalam evaluasi AKIP kami menilai apakah informasi kinerja dipakai untuk perencanaan. Banyak OPD baru mulai "
            "memakainya setelah ada catatan dari kami."
        ),
        ["evaluasi SAKIP"],
    ),
    (
        "I-05",
        "Kalau rekomendasi tidak ditindaklanjuti, kami laporkan ke Wali Kota dan itu masuk penilaian kinerja kepala OPD.",
        ["sanksi dan teguran"],
    ),
    (
        "I-05",
        ("OPD yang kepala dinasnya memang terbiasa bertanya 'datanya mana' biasanya nilainya bagus. Itu budaya, bukan karena aplikasinya."),
        ["kebiasaan memakai data"],
    ),
    ("I-05", "Kami auditor punya standar sendiri, jadi kami mendorong OPD memakai data yang bisa diverifikasi.", ["norma profesi"]),
    (
        "I-05",
        ("Dukungan pimpinan itu sangat menentukan. Di OPD yang kepalanya tidak peduli, hasil evaluasi kami hanya jadi dokumen."),
        ["arahan pimpinan"],
    ),
    (
        "I-06",
        ("Bappeda wajib menyusun RKPD berdasarkan capaian tahun sebelumnya. Itu amanat peraturan, jadi mau tidak mau data kinerja dipakai."),
        ["kewajiban regulasi"],
    ),
    (
        "I-06",
        ("Kami melihat daerah yang berhasil menerapkan anggaran berbasis kinerja, lalu kami coba terapkan di sini walaupun belum sepenuhnya cocok."),
        ["meniru daerah lain"],
    ),
    (
        "I-06",
        ("Teman-teman di Bappeda sudah terbiasa membuka capaian indikator sebelum Musrenbang. Tanpa itu rasanya tidak lengkap."),
        ["kebiasaan memakai data"],
    ),
    (
        "I-06",
        "Pak Wali sering menekankan bahwa program harus ada hasilnya untuk masyarakat, bukan sekadar serapan anggaran.",
        ["orientasi hasil", "arahan pimpinan"],
    ),
    ("I-06", "Bimtek cascading kinerja cukup membantu, walaupun yang ikut biasanya orangnya itu-itu saja.", ["pelatihan dan bimtek"]),
    (
        "I-06",
        (
            "Kami juga pernah berkunjung ke kota yang nilai SAKIP-nya A, melihat bagaimana mereka memantau kinerja. "
            "Pulangnya kami buat dasbor sederhana."
        ),
        ["studi banding"],
    ),
    ("I-07", "Laporan kinerja kami buat karena wajib, ada batas waktunya. Setelah dikirim, jarang dibuka lagi.", ["kewajiban regulasi"]),
    (
        "I-07",
        ("Data progres fisik kami ada di aplikasi lain, realisasi keuangan di SIPD. Mencocokkannya masih manual pakai Excel."),
        ["aplikasi belum terintegrasi"],
    ),
    (
        "I-07",
        ("Tahun lalu kami dapat catatan dari evaluator karena indikatornya tidak terukur. Itu yang membuat kami memperbaiki Renstra."),
        ["evaluasi SAKIP"],
    ),
    (
        "I-07",
        ("Setelah beberapa staf ikut diklat perencanaan, mereka yang mengingatkan supaya target itu realistis dan ada datanya."),
        ["pelatihan dan bimtek"],
    ),
    (
        "I-08",
        ("Kalau ditanya kenapa kami mengukur kinerja, jawabannya ya karena ada penilaian SAKIP. OPD yang nilainya rendah disebut di rapat."),
        ["evaluasi SAKIP", "sanksi dan teguran"],
    ),
    (
        "I-08",
        ("Ironisnya kami ini Kominfo, tapi aplikasi kinerja belum terhubung dengan aplikasi perencanaan dan keuangan. Masih banyak yang manual."),
        ["aplikasi belum terintegrasi"],
    ),
    (
        "I-08",
        ("Sekarang tiap bulan kami melihat data kunjungan layanan dan pengaduan. Lama-lama itu jadi kebiasaan, tidak perlu disuruh lagi."),
        ["kebiasaan memakai data"],
    ),
    ("I-08", "Data dari bidang sering terlambat dan formatnya beda-beda, jadi sulit dipakai untuk evaluasi cepat.", ["kualitas data"]),
    (
        "I-09",
        ("Saya belajar banyak dari bimtek SAKIP. Sekarang saya bisa menjelaskan ke bidang kenapa indikator output saja tidak cukup."),
        ["pelatihan dan bimtek"],
    ),
    (
        "I-09",
        ("Di sini yang penting hasilnya, berapa keluarga yang keluar dari kemiskinan, bukan berapa kali rapat. Pola pikir itu pelan-pelan tumbuh."),
        ["orientasi hasil"],
    ),
    (
        "I-09",
        ("Kepala dinas menyediakan anggaran untuk pendataan ulang penerima bantuan, karena beliau ingin data itu dipakai untuk menentukan sasaran."),
        ["alokasi anggaran", "kebiasaan memakai data"],
    ),
    ("I-09", "Teman-teman sudah mulai bertanya 'datanya ada?' sebelum mengusulkan kegiatan.", ["kebiasaan memakai data"]),
    (
        "I-10",
        ("Kami menyusun perjanjian kinerja dan laporannya karena ketentuannya begitu. Kalau tidak lengkap, nanti jadi temuan."),
        ["kewajiban regulasi", "sanksi dan teguran"],
    ),
    ("I-10", "Format laporan kinerja kami banyak mengikuti daerah lain yang nilainya bagus, kami minta contoh dokumennya.", ["meniru daerah lain"]),
    ("I-10", "Sistem keuangan dan sistem kinerja belum terintegrasi, jadi biaya per program sulit diketahui.", ["aplikasi belum terintegrasi"]),
    (
        "I-10",
        ("Waktu menyusun KUA-PPAS kami mulai membandingkan realisasi anggaran dengan capaian sasaran. Itu sudah jadi bagian dari cara kerja kami."),
        ["kebiasaan memakai data", "orientasi hasil"],
    ),
]


# --- the questionnaire -------------------------------------------------------------------------


def likert(rng, latent, k):
    """k items of one construct: the score plus item noise, cut into the answers 1..5 (each item
    at its own cut points, so that the items' answer counts differ a little)."""
    cols = []
    for _ in range(k):
        raw = latent + rng.normal(scale=ITEM_NOISE, size=len(latent))
        shares = np.sort(np.clip(CUTS + rng.normal(scale=[0.01, 0.03, 0.05, 0.05]), 0.01, 0.97))
        cols.append(1 + np.searchsorted(np.quantile(raw, shares), raw))
    return cols


def responses() -> None:
    rng = np.random.default_rng(SEED)
    columns: dict[str, list] = {"resp_id": [f"R{i + 1:03d}" for i in range(N)]}
    columns["jk"] = list(rng.choice(["Laki-laki", "Perempuan"], size=N, p=[0.55, 0.45]))
    columns["pendidikan"] = list(rng.choice(["SMA", "D3", "S1", "S2"], size=N, p=[0.1, 0.15, 0.55, 0.2]))
    columns["masa_kerja"] = list(rng.choice(["< 5 tahun", "5-10 tahun", "> 10 tahun"], size=N, p=[0.25, 0.35, 0.4]))
    columns["jabatan"] = list(rng.choice(["Staf", "Pejabat Fungsional", "Pejabat Struktural"], size=N, p=[0.5, 0.3, 0.2]))
    common = rng.normal(size=N)
    scores = {c: SHARED * common + np.sqrt(1 - SHARED**2) * rng.normal(size=N) for c in ("FT", "FO", "FK")}
    scores["PIK"] = sum(w * scores[c] for c, w in PATHS.items()) + RESIDUAL * rng.normal(size=N)
    for construct, k in ITEMS.items():
        for j, col in enumerate(likert(rng, scores[construct], k), start=1):
            columns[f"{construct}{j}"] = list(col)
    header = list(columns)
    lines = [",".join(header)] + [",".join(str(columns[h][i]) for h in header) for i in range(N)]
    (HERE / "responses.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- the workbook ------------------------------------------------------------------------------


def workbook() -> None:
    book = Workbook()
    moment = datetime.datetime(*FIXED_TIME)
    book.properties.creator = "make_mixed_methods.py"
    book.properties.created = moment
    sheet = book.active
    sheet.title = "kutipan"
    sheet.append(["informant", "excerpt", "codes"])
    for informant, text, codes in EXCERPTS:
        sheet.append([informant, text, "; ".join(codes)])
    codebook = book.create_sheet("kode")
    codebook.append(["code", "theme", "definition", "category"])
    for theme, (category, _, codes) in CODEBOOK.items():
        for code, definition in codes.items():
            codebook.append([code, theme, definition, category or None])
    people = book.create_sheet("informan")
    people.append(["informant", "role", "unit"])
    for row in INFORMANTS:
        people.append(list(row))
    for ws, widths in ((sheet, (10, 110, 45)), (codebook, (28, 22, 90, 22)), (people, (10, 50, 45))):
        for column, width in zip("ABCD", widths):
            ws.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    # openpyxl stamps the time of saving as "modified" and on every zip entry: write the fixed moment instead
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), content)
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), content, zipfile.ZIP_DEFLATED)
    (HERE / "wawancara.xlsx").write_bytes(out.getvalue())


# --- the REFI-QDA project ----------------------------------------------------------------------


def guid(*names: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(names)))


def project() -> None:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        ('<Project xmlns="urn:QDA-XML:project:1.0" name="Penggunaan informasi kinerja: wawancara" origin="reportgen example">'),
        "  <CodeBook>",
        "    <Codes>",
    ]
    code_guid = {}
    for theme, (_, description, codes) in CODEBOOK.items():
        lines.append(f'      <Code guid="{guid("theme", theme)}" name={quoteattr(theme)} isCodable="false">')
        lines.append(f"        <Description>{escape(description)}</Description>")
        for code, definition in codes.items():
            code_guid[code] = guid("code", code)
            lines.append(f'        <Code guid="{code_guid[code]}" name={quoteattr(code)} isCodable="true">')
            lines.append(f"          <Description>{escape(definition)}</Description>")
            lines.append("        </Code>")
        lines.append("      </Code>")
    lines += ["    </Codes>", "  </CodeBook>", "  <Cases>"]
    for informant, role, unit in INFORMANTS:
        lines.append(f'    <Case guid="{guid("case", informant)}" name="{informant}">')
        lines.append(f"      <Description>{escape(role)}, {escape(unit)}</Description>")
        lines.append(f'      <SourceRef targetGUID="{guid("source", informant)}"/>')
        lines.append("    </Case>")
    lines += ["  </Cases>", "  <Sources>"]
    texts = {}
    for informant, _, _ in INFORMANTS:
        source = guid("source", informant)
        mine = [(text, codes) for who, text, codes in EXCERPTS if who == informant]
        text = "\n\n".join(t for t, _ in mine) + "\n"
        texts[source] = text
        lines.append(f'    <TextSource guid="{source}" name="wawancara-{informant}.txt" plainTextPath="internal://{source}.txt">')
        start = 0
        for k, (excerpt, codes) in enumerate(mine, start=1):
            end = start + len(excerpt)
            assert text[start:end] == excerpt
            name = f"{informant} kutipan {k}"
            lines.append(
                f'      <PlainTextSelection guid="{guid("selection", informant, str(k))}" name="{name}" startPosition="{start}" endPosition="{end}">'
            )
            for code in codes:
                lines.append(f'        <Coding guid="{guid("coding", informant, str(k), code)}"><CodeRef targetGUID="{code_guid[code]}"/></Coding>')
            lines.append("      </PlainTextSelection>")
            start = end + 2
        lines.append("    </TextSource>")
    lines += ["  </Sources>", "</Project>", ""]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("project.qde", FIXED_TIME), "\n".join(lines).encode("utf-8"), zipfile.ZIP_DEFLATED)
        for source, text in texts.items():
            archive.writestr(zipfile.ZipInfo(f"sources/{source}.txt", FIXED_TIME), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    (HERE / "wawancara.qdpx").write_bytes(out.getvalue())


if __name__ == "__main__":
    HERE.mkdir(exist_ok=True)
    responses()
    workbook()
    project()
