using System.Text;
using SpotCheck.Draw.Requests;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Tests.Selection;

/// <summary>SPEC §4 "Strict input": every rejection names the field and the reason.</summary>
public sealed class SelectionInputTests
{
    const string Seed = "2b51d4416b9c7973e73c0a1e2effaa9443c42f53253f81c168fb61417360f254";

    static string Error(string json, bool tsv = false)
    {
        var e = Assert.Throws<DrawInputException>(() =>
        {
            var r = SelectRequest.Parse(Encoding.UTF8.GetBytes(json), tsv);
            if (!tsv) Selector.Select(r.Seed, r.Population!, r.Params);
        });
        Assert.DoesNotContain('\n', e.Message);
        return e.Message;
    }

    static string Req(string rest) => $"{{\"seed\":\"{Seed}\",{rest}}}";

    [Theory]
    [InlineData("{", "request: malformed JSON")]
    [InlineData("[]", "request: must be a JSON object")]
    [InlineData("{\"mode\":\"SRS\",\"k\":1,\"population\":[]}", "seed: missing")]
    [InlineData("{\"seed\":\"ABC\",\"mode\":\"SRS\",\"k\":1,\"population\":[]}", "seed: must be exactly 64 lowercase hex characters")]
    public void Structure_and_seed(string json, string expected) => Assert.StartsWith(expected, Error(json));

    [Theory]
    [InlineData("\"mode\":\"srs\",\"k\":1,\"population\":[]", "mode: \"srs\" is not SRS, STRATIFIED or WEIGHTED")]
    [InlineData("\"mode\":\"SRS\",\"k\":-1,\"population\":[]", "k: -1 is negative")]
    [InlineData("\"mode\":\"SRS\",\"k\":1.0,\"population\":[]", "k: must be a JSON integer, got 1.0")]
    [InlineData("\"mode\":\"SRS\",\"k\":\"3\",\"population\":[]", "k: must be a JSON integer, got a string")]
    [InlineData("\"mode\":\"SRS\",\"k\":null,\"population\":[]", "k: must be a JSON integer, got null")]
    [InlineData("\"mode\":\"SRS\",\"population\":[]", "k: required in SRS mode")]
    [InlineData("\"mode\":\"STRATIFIED\",\"ratioPpm\":{\"A\":1},\"kByStratum\":{\"A\":1},\"population\":[]", "ratioPpm: cannot be combined with kByStratum")]
    [InlineData("\"mode\":\"STRATIFIED\",\"ratioPpm\":{\"A\":1000001},\"population\":[]", "ratioPpm.A: 1000001 is outside 0…1000000")]
    [InlineData("\"mode\":\"STRATIFIED\",\"kByStratum\":{\"A\":-2},\"population\":[]", "kByStratum.A: -2 is negative")]
    [InlineData("\"mode\":\"STRATIFIED\",\"ratioPpm\":{\"A\":1},\"population\":[{\"id\":\"X\",\"stratum\":\"B\"}]", "ratioPpm: no entry for stratum B")]
    [InlineData("\"mode\":\"SRS\",\"k\":1,\"population\":[{\"id\":\"X\"},{\"id\":\"X\"}]", "population[1].id: duplicate id X")]
    [InlineData("\"mode\":\"SRS\",\"k\":1,\"population\":[{\"id\":\"a b\"}]", "population[0].id: \"a b\" is not a valid id")]
    [InlineData("\"mode\":\"SRS\",\"k\":1,\"population\":[{\"id\":\"企业\"}]", "population[0].id: \"企业\" is not a valid id")]
    [InlineData("\"mode\":\"SRS\",\"k\":1,\"population\":[{\"id\":\"X\",\"stratum\":\"\"}]", "population[0].stratum:")]
    [InlineData("\"mode\":\"SRS\",\"k\":1,\"population\":[{\"id\":\"X\",\"weight\":2}]", "population[0].weight: SRS requires weight 1, got 2")]
    [InlineData("\"mode\":\"WEIGHTED\",\"k\":1,\"population\":[{\"id\":\"X\",\"weight\":0}]", "population[0].weight: 0 means ineligible")]
    [InlineData("\"mode\":\"WEIGHTED\",\"k\":1,\"population\":[{\"id\":\"X\",\"weight\":101}]", "population[0].weight: 101 is outside 1…100")]
    [InlineData("\"mode\":\"SRS\",\"k\":1,\"population\":[{\"id\":\"X\",\"extra\":1}]", "population[0].extra: unknown field")]
    [InlineData("\"mode\":\"SRS\",\"k\":1,\"population\":[],\"asOf\":\"2026-12-01\"", "windowDays: missing")]
    [InlineData("\"mode\":\"SRS\",\"k\":1,\"population\":[],\"asOf\":\"2026/12/01\",\"windowDays\":1,\"lastSelected\":{}", "asOf: \"2026/12/01\" is not a date YYYY-MM-DD")]
    [InlineData("\"mode\":\"SRS\",\"k\":1,\"population\":[],\"asOf\":\"2026-12-01\",\"windowDays\":1,\"lastSelected\":{\"X\":\"2026-12-1\"}", "lastSelected.X: \"2026-12-1\" is not a date")]
    [InlineData("\"mode\":\"SRS\",\"k\":1,\"population\":[],\"asOf\":\"2026-12-01\",\"windowDays\":-1,\"lastSelected\":{}", "windowDays: -1 is negative")]
    [InlineData("\"mode\":\"SRS\",\"k\":1,\"k\":2,\"population\":[]", "request: malformed JSON")]
    [InlineData("\"mode\":\"SRS\",\"k\":1", "population: missing")]
    public void Bad_requests_name_the_field(string rest, string expected) => Assert.StartsWith(expected, Error(Req(rest)));

    [Fact]
    public void Population_in_json_and_tsv_together_is_rejected() =>
        Assert.StartsWith("population: give either", Error(Req("\"mode\":\"SRS\",\"k\":1,\"population\":[]"), tsv: true));

    static string TsvError(string tsv, SelectionMode mode = SelectionMode.Weighted) =>
        Assert.Throws<DrawInputException>(() => TsvSelector.Select(Seed, Encoding.UTF8.GetBytes(tsv), new SelectionParams(mode, K: 1))).Message;

    [Theory]
    [InlineData("A\nB\nA\n", "--population line 3: duplicate id A (first on line 1)")]
    [InlineData("A\n\nB\n", "--population line 2: empty line")]
    [InlineData("A\r\nB\r\n", "--population line 1: id \"A\\u000d\" is not a valid id")]
    [InlineData("A\t_\t0\n", "--population line 1: weight: 0 means ineligible")]
    [InlineData("A\t_\tx\n", "--population line 1: weight \"x\" is not an integer 1…100")]
    [InlineData("A\t_\t1\t9\n", "--population line 1: more than three TAB-separated fields")]
    [InlineData("A\t\t1\n", "--population line 1: stratum \"\" is not a valid code")]
    public void Bad_tsv_lines_are_reported_with_their_line_number(string tsv, string expected) =>
        Assert.StartsWith(expected, TsvError(tsv));

    [Fact]
    public void Srs_tsv_requires_weight_one() =>
        Assert.StartsWith("--population line 2: weight: SRS requires weight 1", TsvError("A\nB\t_\t2\n", SelectionMode.Srs));

    [Fact]
    public void Duplicate_far_apart_in_a_large_tsv_is_found_across_chunks()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 200_000; i++) sb.Append("ID").Append(i).Append('\n');
        sb.Append("ID17\n");
        var e = Assert.Throws<DrawInputException>(() =>
            TsvSelector.Select(Seed, Encoding.ASCII.GetBytes(sb.ToString()), new SelectionParams(SelectionMode.Srs, K: 5), parallelism: 2));
        Assert.Equal("--population line 200001: duplicate id ID17 (first on line 18)", e.Message);
    }

    [Fact]
    public void Tsv_without_final_newline_and_default_columns_is_accepted()
    {
        var result = TsvSelector.Select(Seed, "A\nB\tX\nC\tX\t3"u8.ToArray(), new SelectionParams(SelectionMode.Weighted, K: 3));
        Assert.Equal(["A", "B", "C"], result.Selected.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal("_", result.Selected.Single(r => r.Id == "A").Stratum);
    }

    [Fact]
    public void Request_with_a_utf8_byte_order_mark_is_read()
    {
        var json = Encoding.UTF8.GetBytes(Req("\"mode\":\"SRS\",\"k\":1,\"population\":[{\"id\":\"A\"}]"));
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. json];
        var request = SelectRequest.Parse(withBom, false);
        Assert.Equal("A", Selector.Select(request.Seed, request.Population!, request.Params).Selected.Single().Id);
    }

    [Fact]
    public void Last_selected_after_as_of_is_rejected() =>
        Assert.StartsWith("lastSelected.X: 2026-12-02 is after asOf",
            Error(Req("\"mode\":\"SRS\",\"k\":1,\"population\":[],\"asOf\":\"2026-12-01\",\"windowDays\":1,\"lastSelected\":{\"X\":\"2026-12-02\"}")));
}
