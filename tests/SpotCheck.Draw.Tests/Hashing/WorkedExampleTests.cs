using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Tests.Hashing;

/// <summary>draw-spec §10.1–10.4 and the argument examples 01–05.</summary>
public sealed class WorkedExampleTests
{
    static string H(string s) => DrawHash.Sha256Hex(s);

    [Fact]
    public void Spec_10_1_public_example_tickets()
    {
        var seed = H("public-example");
        Assert.Equal("0fe3a08fe4ff57157c753b53f7470bb9993fc455a433d9125e87564a53f11fd7", seed);
        Assert.Equal("350c4d025dc7b470bc236d305a595deed331d11a7f2987239bfc38920b4d2418", DrawHash.TicketHex(seed, 'S', "91350100M000100Y43", "1"));
        Assert.Equal("3031b93b8e41733b7dbaf8993d9f9bc49ec8ef524b033b67069c7664cfa42ebe", DrawHash.TicketHex(seed, 'S', "91350100M000100Y43", "2"));
        Assert.Equal("36c5ac8b953e6c65fd7b525105609f729b62c1211e8981668f3b21f5bf2d2285", DrawHash.TicketHex(seed, 'A', "91350100M000100Y43", "INS-0001"));
    }

    static readonly string[] Frame = ["EX-A", "EX-B", "EX-C", "EX-D", "EX-E"];

    [Fact]
    public void Spec_10_2_srs_ranking_sample_top_up_and_removal()
    {
        var seed = H("srs-example");
        Assert.Equal("a1fd16186f6711213f7eb729137bea3d4248e8c700fd80405e4a6b2cd3c18886", seed);
        var all = Ranking.RankAll(seed, Frame.Select(id => new PopulationEntry(id)));
        Assert.Equal(["EX-E", "EX-C", "EX-A", "EX-D", "EX-B"], all.Select(r => r.Id));
        Assert.Equal("2d572353478d112d0cbc5de718a8973ed415b26b4f4b467efc36608f3d7ceb44", all[0].Key.ToHex());
        Assert.Equal("ff178d8e7051631f3c8b934805fdb19155cc5a93d1f95f660d06b756896cb3e8", all[4].Key.ToHex());

        var sample = Selector.Select(seed, Frame.Select(id => new PopulationEntry(id)).ToList(), new SelectionParams(SelectionMode.Srs, K: 2));
        Assert.Equal(["EX-E", "EX-C"], sample.Selected.Select(r => r.Id));
        Assert.Equal(["EX-A"], Ranking.Ranks(seed, Frame.Select(id => new PopulationEntry(id)), 3, 1).Select(r => r.Id));
        var withoutC = Selector.Select(seed, Frame.Where(f => f != "EX-C").Select(id => new PopulationEntry(id)).ToList(),
            new SelectionParams(SelectionMode.Srs, K: 2));
        Assert.Equal(["EX-E", "EX-A"], withoutC.Selected.Select(r => r.Id));
    }

    [Fact]
    public void Spec_10_3_weighted_variant()
    {
        var seed = H("srs-example");
        Assert.Equal("5997773478521a432b686ebd96a745bc92515c7ae0db9aadb894a53bb392373b", DrawHash.TicketHex(seed, 'S', "EX-B", "2"));
        var frame = Frame.Select(id => new PopulationEntry(id, Weight: id == "EX-B" ? 3 : 1)).ToList();
        var result = Selector.Select(seed, frame, new SelectionParams(SelectionMode.Weighted, K: 5));
        Assert.Equal(["EX-E", "EX-B", "EX-C", "EX-A", "EX-D"], result.Selected.Select(r => r.Id));
        Assert.Equal("4ca4c9f30b7ac1c6ff9cffc05f04a85ee9ec4fefe8d348ec5bce51ba960c0354", result.Selected[1].Key.ToHex());
    }

    [Fact]
    public void Spec_10_4_commitments_seed_and_read_aloud_code()
    {
        var inputsHash = H("inputs-example");
        var organizer = H("organizer-secret-example");
        var witness = H("witness-secret-example");
        Assert.Equal("b4c95f612518742d2edb5f0b858adce02d85114e8ee3e212410bf1f48a759475", inputsHash);
        Assert.Equal("1eac48ef5e8086ed17fbccfded74b8a320a81297591b4612324d1fe941d7c48c", DrawHash.Commitment("EX-2026-001", "organizer", organizer));
        Assert.Equal("6ee389f6df86c42c16226bb2fd0d31087fc74f20a3de1cbb602876004ff0330a", DrawHash.Commitment("EX-2026-001", "witness", witness));
        Assert.Equal("de19917d", DrawHash.ReadAloudCode("dice:27182818284590452353"));
        var secrets = new Dictionary<string, string> { ["witness"] = witness, ["organizer"] = organizer };
        var message = DrawHash.SeedMessage("EX-2026-001", inputsHash, secrets, "dice:27182818284590452353");
        Assert.Equal(258, message.Length);
        Assert.Equal("823cf532b21154454a01ae622bf645cbfada9bede93e0b3dea6eb7a7c47720dc",
            DrawHash.Seed("EX-2026-001", inputsHash, secrets, "dice:27182818284590452353"));
    }

    [Fact]
    public void Uscc_example_passes_both_checks_and_a_changed_check_character_fails()
    {
        Assert.Null(Uscc.Check("91350100M000100Y43"));
        Assert.Null(Uscc.CheckOrganizationCode("91350100M000100Y43"));
        Assert.Equal("check character '4', expected '3'", Uscc.Check("91350100M000100Y44"));
        Assert.Contains("not in the USCC alphabet", Uscc.Check("91350100M000100I43"));
        Assert.Equal("length 3, expected 18", Uscc.Check("913"));
    }

    public static TheoryData<string> ArgCases => ExampleFiles.Cases(".args");

    [Theory]
    [MemberData(nameof(ArgCases))]
    public void Argument_examples_reproduce(string name)
    {
        var args = File.ReadAllLines(ExampleFiles.PathOf(name + ".args"));
        var expected = ExampleFiles.Read(name + ".expected.txt").Trim();
        string Arg(string option) => args[Array.IndexOf(args, option) + 1];
        var actual = args[1] switch
        {
            "ticket" => DrawHash.TicketHex(Arg("--seed"), Arg("--tag")[0], Arg("--a"), Arg("--b")),
            "commit" => DrawHash.Commitment(Arg("--draw-id"), Arg("--party"), Arg("--secret")),
            _ => DrawHash.Seed(Arg("--draw-id"), Arg("--inputs-hash"),
                args.Select((a, i) => (a, i)).Where(x => x.a == "--secret").Select(x => args[x.i + 1].Split('='))
                    .Select(p => KeyValuePair.Create(p[0], p[1])), Arg("--public-randomness")),
        };
        Assert.Equal(expected, actual);
    }
}
