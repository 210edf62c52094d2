using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SpotCheck.Core.Transfer;

namespace SpotCheck.Core.Data;

/// <summary>
/// Writes many new rows of one entity type straight into its table inside the context's open transaction, without
/// change tracking: binary COPY where the provider plugged one in (PostgreSQL), prepared single-row INSERTs otherwise
/// (SQLite). Columns and stored values come from the EF model (converters included), so a row reads back exactly as
/// if EF had saved it; generated keys and computed columns are left to the database. A unique key taken by a
/// concurrent writer surfaces as a <see cref="DbUpdateException"/>, which <see cref="SingleWinner"/> treats as a lost race.
/// </summary>
public sealed class EntityRowWriter<T> : IAsyncDisposable where T : class
{
    readonly IReadOnlyList<IProperty> _properties;
    readonly object?[] _row;
    readonly IBulkRowWriter? _copy;
    readonly PreparedInsert? _insert;

    EntityRowWriter(IReadOnlyList<IProperty> properties, IBulkRowWriter? copy, PreparedInsert? insert)
    {
        _properties = properties;
        _row = new object?[properties.Count];
        _copy = copy;
        _insert = insert;
    }

    public int Count { get; private set; }

    public static async Task<EntityRowWriter<T>> BeginAsync(AppDbContext db, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("EntityRowWriter writes inside the caller's transaction");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var properties = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd) && p.GetComputedColumnSql() is null)
            .ToList();
        var columns = properties.Select(p => p.GetColumnName(store)!).ToList();
        var connection = transaction.Connection!;
        return BulkCopyExtension.Of(db) is { } copy
            ? new EntityRowWriter<T>(properties, await Raced(() => copy.BeginAsync(connection, table, columns, ct)), null)
            : new EntityRowWriter<T>(properties, null, new PreparedInsert(connection, transaction, table, columns));
    }

    /// <summary>Writes <paramref name="entity"/>; <paramref name="set"/> overrides properties by name (a foreign key known only now).</summary>
    public async Task WriteAsync(T entity, CancellationToken ct, IReadOnlyDictionary<string, object?>? set = null)
    {
        for (var i = 0; i < _properties.Count; i++)
        {
            var property = _properties[i];
            var value = set is not null && set.TryGetValue(property.Name, out var given) ? given : property.GetGetter().GetClrValue(entity);
            _row[i] = value is null ? null : property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
        if (_copy is not null) await _copy.WriteRowAsync(_row, ct);
        else
        {
            try
            {
                await _insert!.InsertAsync(_row, ct);
            }
            catch (DbException e) when (SingleWinner.IsRaceCode(e))
            {
                throw LostRace(e);
            }
        }
        Count++;
    }

    /// <summary>Ends the load (a COPY is sent only here); without it, disposing cancels the rows.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_copy is not null) await Raced(async () => { await _copy.CompleteAsync(ct); return 0; });
    }

    static async Task<TResult> Raced<TResult>(Func<Task<TResult>> write)
    {
        try
        {
            return await write();
        }
        catch (DbException e) when (SingleWinner.IsRaceCode(e))
        {
            throw LostRace(e);
        }
    }

    static DbUpdateException LostRace(DbException e) => new("A concurrent writer took a unique key first", e);

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null) await _copy.DisposeAsync();
        if (_insert is not null) await _insert.DisposeAsync();
    }
}
