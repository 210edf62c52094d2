using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.Net.Http.Headers;

namespace SpotCheck.Hosting;

/// <summary>
/// Rendered public answers kept in memory until the platform's state changes (SPEC §6: the portal is read by many and
/// changes only with an audit entry). A cached answer is keyed by the state generation and the full request URL, so a
/// publication makes every older answer unreachable at once; concurrent requests for one missing answer wait for a
/// single render. Only anonymous 200 answers without cookies are kept; a gzip copy is served to clients that accept it.
/// </summary>
public sealed class PublicPageCache
{
    public const int MaxBodyBytes = 8 * 1024 * 1024;
    const long MaxTotalBytes = 256L * 1024 * 1024;
    const int MinCompressBytes = 1024;

    public sealed record Entry(string? ContentType, string? ContentDisposition, string? ETag, byte[] Body, byte[]? Gzip)
    {
        public long Size => Body.Length + (Gzip?.Length ?? 0);
    }

    readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, TaskCompletionSource<Entry?>> _rendering = new(StringComparer.Ordinal);
    long _generation = -1;
    long _totalBytes;

    public static string Key(long generation, HttpRequest r) =>
        string.Concat(generation.ToString(System.Globalization.CultureInfo.InvariantCulture), " ", r.Scheme, "://", r.Host.Value,
            r.PathBase.Value, r.Path.Value, r.QueryString.Value);

    /// <summary>Drops every answer of an older generation the first time a newer one is asked for.</summary>
    public void Advance(long generation)
    {
        var seen = Interlocked.Read(ref _generation);
        if (generation <= seen || Interlocked.CompareExchange(ref _generation, generation, seen) != seen) return;
        _entries.Clear();
        Interlocked.Exchange(ref _totalBytes, 0);
    }

    public int Count => _entries.Count;

    public bool TryGet(string key, out Entry entry) => _entries.TryGetValue(key, out entry!);

    /// <summary>Either this request renders the answer (<c>leader</c>) or it waits for the one that does.</summary>
    public (TaskCompletionSource<Entry?> Render, bool Leader) Join(string key)
    {
        var mine = new TaskCompletionSource<Entry?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var render = _rendering.GetOrAdd(key, mine);
        return (render, ReferenceEquals(render, mine));
    }

    public void Complete(string key, TaskCompletionSource<Entry?> render, Entry? entry)
    {
        if (entry is not null && Interlocked.Read(ref _totalBytes) + entry.Size <= MaxTotalBytes && _entries.TryAdd(key, entry))
            Interlocked.Add(ref _totalBytes, entry.Size);
        _rendering.TryRemove(new(key, render));
        render.TrySetResult(entry);
    }

    public static Entry Capture(HttpResponse response, byte[] body)
    {
        var type = response.ContentType;
        byte[]? gzip = null;
        if (body.Length >= MinCompressBytes && IsText(type))
        {
            using var packed = new MemoryStream();
            using (var z = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(body);
            if (packed.Length < body.Length) gzip = packed.ToArray();
        }
        return new Entry(type, response.Headers.ContentDisposition, response.Headers.ETag, body, gzip);
    }

    static bool IsText(string? type) => type is not null && (type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || type.Contains("json", StringComparison.OrdinalIgnoreCase) || type.Contains("javascript", StringComparison.OrdinalIgnoreCase)
        || type.Contains("xml", StringComparison.OrdinalIgnoreCase) || type.Contains("csv", StringComparison.OrdinalIgnoreCase));

    public static async Task ServeAsync(HttpContext context, Entry entry, EntityTagHeaderValue tag)
    {
        var response = context.Response;
        var request = context.Request;
        response.StatusCode = StatusCodes.Status200OK;
        if (entry.ContentType is not null) response.ContentType = entry.ContentType;
        if (entry.ContentDisposition is not null) response.Headers.ContentDisposition = entry.ContentDisposition;
        response.Headers.ETag = entry.ETag ?? tag.ToString();
        response.Headers.CacheControl = "no-cache";
        var body = entry.Body;
        if (entry.Gzip is not null)
        {
            response.Headers.Vary = HeaderNames.AcceptEncoding;
            if (AcceptsGzip(request))
            {
                response.Headers.ContentEncoding = "gzip";
                body = entry.Gzip;
            }
        }
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method)) await response.Body.WriteAsync(body, context.RequestAborted);
    }

    static bool AcceptsGzip(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);

    /// <summary>Copies what the page writes into memory as it goes to the client, up to <see cref="MaxBodyBytes"/>.</summary>
    public sealed class Tee(Stream inner) : Stream
    {
        readonly MemoryStream _copy = new();
        public bool Overflowed { get; private set; }
        public byte[] Captured => _copy.ToArray();

        void Keep(ReadOnlySpan<byte> data)
        {
            if (Overflowed) return;
            if (_copy.Length + data.Length > MaxBodyBytes) { Overflowed = true; _copy.SetLength(0); return; }
            _copy.Write(data);
        }

        public override void Write(byte[] buffer, int offset, int count) { Keep(buffer.AsSpan(offset, count)); inner.Write(buffer, offset, count); }
        public override void Write(ReadOnlySpan<byte> buffer) { Keep(buffer); inner.Write(buffer); }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
