namespace BorderSim.Reporting;
