"""Write small PDFs for the reader tests: CJK text, ruling lines, images, optional password.

Page content is flate-compressed.  Text uses the non-embedded CID font STSong-Light with the
UniGB-UCS2-H encoding (every PDF reader knows it; no font file is needed), so a fixture is a few
hundred bytes written by hand.  Coordinates are in points from the top-left corner, as pdfplumber
reports them.  Encryption is the standard security handler, revision 2 (RC4, 40-bit key), implemented
here in a few lines.
"""
from __future__ import annotations

import hashlib
import struct
import zlib
from dataclasses import dataclass, field

WIDTH, HEIGHT = 595.0, 842.0
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


@dataclass
class Page:
    texts: list[tuple[float, float, float, str]] = field(default_factory=list)  # x, top, size, text
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0, top, x1, bottom
    fills: list[tuple[float, float, float, float, float]] = field(default_factory=list)  # box, gray level
    image: bool = False  # a full-page picture (a scanned page)
    padding: int = 0  # bytes of blank content appended (inflates to that much: a flate bomb)

    def text(self, x: float, top: float, text: str, size: float = 10.5) -> None:
        self.texts.append((x, top, size, text))

    def rule(self, x0: float, top: float, x1: float, bottom: float) -> None:
        self.rules.append((x0, top, x1, bottom))

    def grid(self, xs: list[float], ys: list[float], cells: list[tuple[int, int, int, int, str]],
             size: float = 10.5) -> None:
        """A ruled table: `cells` are (row, col, rowspan, colspan, text) on the grid lines xs × ys.

        Each cell draws its own four borders, as word processors do, so merged cells have no rule inside.
        """
        for row, col, rowspan, colspan, text in cells:
            x0, x1, top, bottom = xs[col], xs[col + colspan], ys[row], ys[row + rowspan]
            for edge in ((x0, top, x1, top), (x0, bottom, x1, bottom), (x0, top, x0, bottom), (x1, top, x1, bottom)):
                self.rule(*edge)
            if text:
                self.text(x0 + 2, (top + bottom) / 2 - size / 2, text, size)

    def fill(self, x0: float, top: float, x1: float, bottom: float, gray: float = 1.0) -> None:
        """A filled box with no border (white by default, as word processors paint behind text)."""
        self.fills.append((x0, top, x1, bottom, gray))

    def content(self) -> bytes:
        ops = []
        if self.image:
            ops.append(f"q {WIDTH} 0 0 {HEIGHT} 0 0 cm /Im1 Do Q")
        for x0, top, x1, bottom, gray in self.fills:
            ops.append(f"{gray} g {x0:.2f} {HEIGHT - bottom:.2f} {x1 - x0:.2f} {bottom - top:.2f} re f 0 g")
        for x0, top, x1, bottom in self.rules:
            ops.append(f"0.5 w {x0:.2f} {HEIGHT - top:.2f} m {x1:.2f} {HEIGHT - bottom:.2f} l S")
        for x, top, size, text in self.texts:
            baseline = HEIGHT - top - size * 0.88
            ops.append(f"BT /F1 {size} Tf {x:.2f} {baseline:.2f} Td <{text.encode('utf-16-be').hex()}> Tj ET")
        return "\n".join(ops).encode("ascii") + b" " * self.padding


def make_pdf(pages: list[Page], user_password: str | None = None, owner_password: str = "owner",
             font_program: int = 0, unmapped: bool = False) -> bytes:
    """The PDF bytes; with `user_password` set the file is encrypted (RC4, revision 2).

    `font_program` embeds that many bytes of (blank, compressed) font program in the font;
    `unmapped` draws through a font whose glyphs name no characters (Identity encoding, no ToUnicode).
    """
    file_id = hashlib.md5(repr([p.texts for p in pages]).encode()).digest()
    key = None
    encrypt = b""
    if user_password is not None:
        owner_key = hashlib.md5(_padded(owner_password)).digest()[:5]
        o_entry = _rc4(owner_key, _padded(user_password))
        permissions = -4
        key = hashlib.md5(_padded(user_password) + o_entry + struct.pack("<i", permissions) + file_id).digest()[:5]
        u_entry = _rc4(key, _PAD)
        encrypt = (f"<< /Filter /Standard /V 1 /R 2 /O <{o_entry.hex()}> /U <{u_entry.hex()}> "
                   f"/P {permissions} >>").encode()

    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def sealed(number: int, data: bytes) -> bytes:
        """Strings and streams of an encrypted file are encrypted with a key per object."""
        if key is None:
            return data
        return _rc4(hashlib.md5(key + struct.pack("<i", number)[:3] + b"\0\0").digest()[:10], data)

    def stream(number: int, attrs: str, data: bytes) -> bytes:
        data = sealed(number, data)
        return f"<< {attrs} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    program = ""
    if font_program:
        program = f"/FontFile3 {len(objects) + 1} 0 R "
        add(stream(len(objects) + 1, "/Subtype /CIDFontType0C /Filter /FlateDecode",
                   zlib.compress(b"\0" * font_program)))
    font = len(objects) + 1
    encoding, ordering = ("Identity-H", b"Identity") if unmapped else ("UniGB-UCS2-H", b"GB1")
    add(f"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /{encoding} "
        f"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        f"/CIDSystemInfo << /Registry <{sealed(font, b'Adobe').hex()}> /Ordering <{sealed(font, ordering).hex()}> "
        f"/Supplement 2 >> /DW 1000 /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        f"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 "
        f"/StemV 80 {program}>> >>] >>".encode())
    image = len(objects) + 1
    add(stream(image, "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                      "/BitsPerComponent 8", b"\x80"))
    kids = []
    for page in pages:
        content = len(objects) + 1
        add(stream(content, "/Filter /FlateDecode", zlib.compress(page.content())))
        kids.append(add(f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] "
                        f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> "
                        f"/Contents {content} 0 R >>".encode()))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    objects[pages_obj - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                              f"/Count {len(kids)} >>").encode()
    encrypt_ref = add(encrypt) if encrypt else None

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    trailer = f"<< /Size {len(objects) + 1} /Root {catalog} 0 R /ID [<{file_id.hex()}> <{file_id.hex()}>]"
    if encrypt_ref:
        trailer += f" /Encrypt {encrypt_ref} 0 R"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _padded(password: str) -> bytes:
    return (password.encode("latin-1") + _PAD)[:32]


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)
