using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using SpotCheck.Core.Data;

namespace SpotCheck.Migrations.Postgres;

/// <summary>Binary COPY through Npgsql.</summary>
sealed class PostgresBulkCopy : IBulkCopy
{
    public async Task<IBulkRowWriter> BeginAsync(DbConnection connection, string table, IReadOnlyList<string> columns, CancellationToken ct)
    {
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(sql, ct);
        importer.Timeout = TimeSpan.Zero; // completing a large copy may take longer than the command timeout
        return new Writer(importer);
    }

    sealed class Writer(NpgsqlBinaryImporter importer) : IBulkRowWriter
    {
        public async Task WriteRowAsync(IReadOnlyList<object?> values, CancellationToken ct)
        {
            await importer.StartRowAsync(ct);
            foreach (var value in values)
            {
                await (value switch
                {
                    null => importer.WriteNullAsync(ct),
                    string s => importer.WriteAsync(s, NpgsqlDbType.Text, ct),
                    bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean, ct),
                    int i => importer.WriteAsync(i, NpgsqlDbType.Integer, ct),
                    long l => importer.WriteAsync(l, NpgsqlDbType.Bigint, ct),
                    DateTime d => importer.WriteAsync(d, NpgsqlDbType.TimestampTz, ct),
                    DateOnly d => importer.WriteAsync(d, NpgsqlDbType.Date, ct),
                    int[] a => importer.WriteAsync(a, NpgsqlDbType.Array | NpgsqlDbType.Integer, ct),
                    string[] a => importer.WriteAsync(a, NpgsqlDbType.Array | NpgsqlDbType.Text, ct),
                    _ => throw new ArgumentException($"No COPY type for {value.GetType()}", nameof(values)),
                });
            }
        }

        /// <summary>Npgsql leaves the connection in its copy state until the importer is disposed, even after it completed.</summary>
        public async Task CompleteAsync(CancellationToken ct)
        {
            await importer.CompleteAsync(ct);
            await importer.DisposeAsync();
        }

        public ValueTask DisposeAsync() => importer.DisposeAsync();
    }
}
