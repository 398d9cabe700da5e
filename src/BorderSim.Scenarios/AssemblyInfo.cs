namespace BorderSim.Scenarios;
