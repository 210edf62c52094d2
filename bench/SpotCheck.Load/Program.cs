using SpotCheck.Load;

// bench/soak.sh drives both modes: `proxy` is the round-robin in front of the instances, `run` the clients.
return args switch
{
    ["proxy", .. var rest] => await RoundRobinProxy.RunAsync(Options.Parse(rest)),
    ["run", .. var rest] => await Soak.RunAsync(Options.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SpotCheck.Load proxy --listen URL --upstream URL --upstream URL");
    Console.Error.WriteLine("       SpotCheck.Load run --base URL --urls FILE --planner-token T --officer-token T [--clients 200] [--seconds 300]");
    return 2;
}
