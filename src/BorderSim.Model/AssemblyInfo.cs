namespace BorderSim.Model;
