using SpotCheck.Load;

// bench/soak.sh drives `proxy` (the round-robin in front of the instances) and `run` (the clients); bench/portal-load.sh `portal`; bench/staff-load.sh `staff`.
return args switch
{
    ["proxy", .. var rest] => await RoundRobinProxy.RunAsync(Options.Parse(rest)),
    ["run", .. var rest] => await Soak.RunAsync(Options.Parse(rest)),
    ["portal", .. var rest] => await PortalLoad.RunAsync(Options.Parse(rest)),
    ["staff", .. var rest] => await StaffLoad.RunAsync(Options.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SpotCheck.Load proxy --listen URL --upstream URL --upstream URL");
    Console.Error.WriteLine("       SpotCheck.Load run --base URL --urls FILE --planner-token T --officer-token T [--clients 200] [--seconds 300]");
    Console.Error.WriteLine("       SpotCheck.Load portal --base URL --urls FILE [--clients 200] [--seconds 60]");
    Console.Error.WriteLine("       SpotCheck.Load staff --base URL --urls FILE --user NAME --password P [--clients 50] [--seconds 60]");
    return 2;
}
