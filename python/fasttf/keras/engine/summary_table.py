"""A box table drawn as `rich` draws Keras 3's summary: heavy head, a rule between rows, one
space of padding, words wrapped to the column width."""


def _reduce_widths(widths, max_width):
    """rich's ratio_reduce with equal ratios: take the excess off the columns in turn, each
    its rounded share of what is left."""
    excess = sum(widths) - max_width
    if excess <= 0:
        return widths
    out, remaining, ratio_left = [], excess, len(widths)
    for width in widths:
        share = min(width, round(remaining / ratio_left))
        out.append(width - share)
        remaining -= share
        ratio_left -= 1
    return out


def _wrap(text, width):
    """Greedy word wrap; a word longer than the width gets a line of its own, cut to the
    width with an ellipsis (rich's default overflow)."""
    lines, current = [], ""
    for word in str(text).split(" "):
        if len(word) > width:
            if current:
                lines.append(current)
            lines.append(word[:width - 1] + "…")
            current = ""
        elif not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines


def _justify(text, width, align):
    if align == "right":
        return text.rjust(width)
    if align == "center":
        return text.center(width)
    return text.ljust(width)


def _cells(fields, inner, align, vertical):
    wrapped = [_wrap(f, w) for f, w in zip(fields, inner)]
    height = max(len(w) for w in wrapped)
    out = []
    for i in range(height):
        parts = [" " + _justify(w[i] if i < len(w) else "", width, a) + " "
                 for w, width, a in zip(wrapped, inner, align)]
        out.append(vertical + vertical.join(parts) + vertical)
    return out


def render_table(header, rows, widths, align, table_width):
    """The table's lines. `widths` are the requested column widths (padding included is
    added here, as rich measures a fixed-width column) within `table_width` characters."""
    segments = _reduce_widths([w + 2 for w in widths], table_width - (len(widths) + 1))
    inner = [max(s - 2, 1) for s in segments]
    lines = ["┏" + "┳".join("━" * s for s in segments) + "┓"]
    lines += _cells(header, inner, align, "┃")
    lines.append("┡" + "╇".join("━" * s for s in segments) + "┩")
    for i, row in enumerate(rows):
        if i:
            lines.append("├" + "┼".join("─" * s for s in segments) + "┤")
        lines += _cells(row, inner, align, "│")
    lines.append("└" + "┴".join("─" * s for s in segments) + "┘")
    return lines
