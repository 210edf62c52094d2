using System.Text;

namespace SpotCheck.Core.Transfer;

/// <summary>
/// Reads and writes csv records (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF).
/// MiniExcel's csv reader costs about 20 µs a row, a third of the one-minute budget for a million rows; this one
/// keeps csv import within it.
/// </summary>
public static class CsvRows
{
    /// <summary>
    /// Streams the records in <paramref name="encoding"/>, which must throw on invalid bytes and is used as given
    /// (a BOM is then the caller's to skip); without one, strict UTF-8 after an optional BOM.
    /// </summary>
    public static IEnumerable<string?[]> Read(Stream stream, Encoding? encoding = null)
    {
        using var reader = new StreamReader(stream, encoding ?? new UTF8Encoding(false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: encoding is null, 1 << 16, leaveOpen: true);
        var fields = new List<string?>(16);
        var field = new StringBuilder(64);
        var buffer = new char[1 << 16];
        bool inQuotes = false, quotedField = false, pendingQuote = false, pendingCr = false, anyInRecord = false;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (pendingCr)
                {
                    pendingCr = false;
                    if (c == '\n') continue;
                }
                if (inQuotes)
                {
                    if (pendingQuote)
                    {
                        pendingQuote = false;
                        if (c == '"')
                        {
                            field.Append('"');
                            continue;
                        }
                        inQuotes = false; // the quote closed the field; c is handled below
                    }
                    else if (c == '"')
                    {
                        pendingQuote = true;
                        continue;
                    }
                    else
                    {
                        field.Append(c);
                        continue;
                    }
                }
                switch (c)
                {
                    case '"' when field.Length == 0 && !quotedField:
                        inQuotes = quotedField = anyInRecord = true;
                        break;
                    case ',':
                        fields.Add(Take(field, quotedField));
                        quotedField = false;
                        anyInRecord = true;
                        break;
                    case '\r' or '\n':
                        pendingCr = c == '\r';
                        if (anyInRecord || field.Length > 0) fields.Add(Take(field, quotedField));
                        yield return [.. fields];
                        fields.Clear();
                        quotedField = anyInRecord = false;
                        break;
                    default:
                        field.Append(c);
                        anyInRecord = true;
                        break;
                }
            }
        }
        if (anyInRecord || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(Take(field, quotedField));
            yield return [.. fields];
        }
    }

    static string? Take(StringBuilder field, bool quoted)
    {
        var value = field.Length == 0 && !quoted ? null : field.ToString();
        field.Clear();
        return value;
    }

    /// <summary>Writes one record, quoting fields that hold a comma, quote, line break or outer space.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(',');
            var f = fields[i] ?? "";
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (f.Length > 0 && (char.IsWhiteSpace(f[0]) || char.IsWhiteSpace(f[^1]))))
            {
                writer.Write('"');
                writer.Write(f.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else writer.Write(f);
        }
        writer.Write("\r\n");
    }
}
