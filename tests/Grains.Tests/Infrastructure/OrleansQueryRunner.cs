using System.Data;
using System.Data.Common;

namespace Harmony.Grains.Tests.Infrastructure;

/// <summary>
/// Runs a query text from the <c>OrleansQuery</c> table the way the Orleans ADO.NET providers do: named parameters
/// with the provider's <see cref="DbType"/> mapping (int → Int32, string → String, DateTime → DateTime, byte[] →
/// Binary, nulls typed), every result set read in order.
/// </summary>
public sealed class OrleansQueryRunner(Func<DbConnection> connect)
{
    /// <summary>Runs the query stored under <paramref name="key"/> and returns every row of every result set.</summary>
    public async Task<List<object?[]>> RunAsync(string key, params (string Name, object? Value, DbType Type)[] parameters)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        string text;
        await using (var lookup = connection.CreateCommand())
        {
            lookup.CommandText = "SELECT QueryText FROM OrleansQuery WHERE QueryKey = '" + key + "'";
            text = (string)(await lookup.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No query {key}."));
        }

        await using var command = connection.CreateCommand();
        foreach (var (name, value, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            parameter.DbType = type;
            command.Parameters.Add(parameter);
        }

        command.CommandText = text;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        do
        {
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }
}
