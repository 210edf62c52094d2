using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Crash;

/// <summary>The ceremony's steps in draw-spec §6 order; a draw has completed the first <c>StepsDone</c> of them.</summary>
public enum CeremonyStep { Freeze, CommitOrganizer, CommitSupervisor, FirstRandomness, SecondRandomness, RevealOrganizer, RevealSupervisor, Run, Publish }

/// <summary>One draw as its participants know it: how far it got and the secrets they were shown once and kept.</summary>
public sealed class CeremonyDraw(int planId, string name)
{
    public const int AllSteps = (int)CeremonyStep.Publish + 1;

    public int PlanId { get; } = planId;
    public string Name { get; } = name;
    public string DrawId { get; set; } = "";
    public int StepsDone { get; set; }
    public bool Voided { get; set; }
    public string? OrganizerSecret { get; set; }
    public string? SupervisorSecret { get; set; }

    public bool HasRun => StepsDone > (int)CeremonyStep.Run;

    public CeremonyStep Next => (CeremonyStep)StepsDone;

    public override string ToString() => $"{Name} {DrawId} after {StepsDone} steps";
}

/// <summary>Drives the ceremony over the HTTP API as the Planner (organiser) and the Supervisor.</summary>
public sealed class CrashCeremony(CrashServer server, string plannerToken, string supervisorToken)
{
    /// <summary>Thirty dice digits, typed by the Planner and again by the Supervisor.</summary>
    public const string Dice = "dice:314159265358979323846264338327";

    public HttpClient Planner() => server.Client(plannerToken);

    public HttpClient Supervisor() => server.Client(supervisorToken);

    public async Task<int> CreatePublishedPlanAsync(object plan)
    {
        using var planner = Planner();
        var id = (await JsonAsync(await planner.PostAsJsonAsync("/api/v1/plans", plan)))["id"]!.GetValue<int>();
        await JsonAsync(await planner.PostAsync($"/api/v1/plans/{id}/publish", null), HttpStatusCode.NoContent);
        return id;
    }

    /// <summary>Performs the draw's next step and waits for its answer: the step is then committed (or the test fails).</summary>
    public async Task StepAsync(CeremonyDraw draw)
    {
        using var planner = Planner();
        using var supervisor = Supervisor();
        var url = $"/api/v1/draws/{draw.DrawId}";
        switch (draw.Next)
        {
            case CeremonyStep.Freeze:
                draw.DrawId = (await JsonAsync(await planner.PostAsJsonAsync($"/api/v1/plans/{draw.PlanId}/draws",
                    new { randomnessSource = "dice：两名人员现场掷骰子" })))["drawId"]!.GetValue<string>();
                break;
            case CeremonyStep.CommitOrganizer:
                draw.OrganizerSecret = (await JsonAsync(await planner.PostAsJsonAsync(url + "/commit", new { secret = (string?)null })))["secret"]!.GetValue<string>();
                break;
            case CeremonyStep.CommitSupervisor:
                draw.SupervisorSecret = (await JsonAsync(await supervisor.PostAsJsonAsync(url + "/commit", new { secret = "supervisor-crash-secret-" + draw.Name })))["secret"]!.GetValue<string>();
                break;
            case CeremonyStep.FirstRandomness:
                Assert.False((await JsonAsync(await planner.PostAsJsonAsync(url + "/public-randomness", new { value = Dice })))["confirmed"]!.GetValue<bool>());
                break;
            case CeremonyStep.SecondRandomness:
                Assert.True((await JsonAsync(await supervisor.PostAsJsonAsync(url + "/public-randomness", new { value = Dice })))["confirmed"]!.GetValue<bool>());
                break;
            case CeremonyStep.RevealOrganizer:
                await JsonAsync(await planner.PostAsJsonAsync(url + "/reveal", new { secret = draw.OrganizerSecret }), HttpStatusCode.NoContent);
                break;
            case CeremonyStep.RevealSupervisor:
                await JsonAsync(await supervisor.PostAsJsonAsync(url + "/reveal", new { secret = draw.SupervisorSecret }), HttpStatusCode.NoContent);
                break;
            case CeremonyStep.Run:
                var run = await JsonAsync(await planner.PostAsync(url + "/run", null));
                Assert.True(run["selected"]!.GetValue<int>() > 0, $"{draw}: nothing selected");
                break;
            case CeremonyStep.Publish:
                await JsonAsync(await planner.PostAsync(url + "/publish", null), HttpStatusCode.NoContent);
                break;
        }
        draw.StepsDone++;
    }

    public async Task AdvanceAsync(CeremonyDraw draw, int stepsDone)
    {
        while (draw.StepsDone < stepsDone) await StepAsync(draw);
    }

    public async Task VoidAsync(CeremonyDraw draw, string reason)
    {
        using var planner = Planner();
        await JsonAsync(await planner.PostAsJsonAsync($"/api/v1/draws/{draw.DrawId}/void", new { reason }), HttpStatusCode.NoContent);
        draw.Voided = true;
    }

    /// <summary>Sends the run step without waiting: the caller kills the host while it may still be working on it.</summary>
    public Task<HttpResponseMessage> SendRunAsync(HttpClient planner, CeremonyDraw draw) =>
        planner.PostAsync($"/api/v1/draws/{draw.DrawId}/run", null);

    public async Task<JsonNode> GetDrawAsync(CeremonyDraw draw)
    {
        using var planner = Planner();
        return await JsonAsync(await planner.GetAsync($"/api/v1/draws/{draw.DrawId}"));
    }

    public async Task<JsonNode> GetPlanAsync(int planId)
    {
        using var planner = Planner();
        return await JsonAsync(await planner.GetAsync($"/api/v1/plans/{planId}"));
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {response.StatusCode}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "{}" : body)!;
    }
}
