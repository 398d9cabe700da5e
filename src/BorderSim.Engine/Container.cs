namespace BorderSim.Engine;

/// <summary>
/// A level of something continuous or countable (fuel, tonnes, yard places) between zero and a
/// capacity. Puts wait while they would overflow, gets while they would underflow; each queue is
/// served strictly in arrival order.
/// </summary>
public sealed class Container
{
    private readonly Queue<ContainerChange> _puts = new();
    private readonly Queue<ContainerChange> _gets = new();

    public Container(Simulation simulation, double capacity = double.PositiveInfinity, double initialLevel = 0)
    {
        Simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        if (!(capacity > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be positive");
        }

        if (initialLevel < 0 || initialLevel > capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(initialLevel), initialLevel, "the initial level must be between 0 and the capacity");
        }

        Capacity = capacity;
        Level = initialLevel;
    }

    public Simulation Simulation { get; }

    public double Capacity { get; }

    public double Level { get; private set; }

    public ContainerChange Put(double amount) => Enqueue(_puts, amount);

    public ContainerChange Get(double amount) => Enqueue(_gets, amount);

    private ContainerChange Enqueue(Queue<ContainerChange> queue, double amount)
    {
        if (!(amount > 0) || amount > Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"amount must be positive and at most the capacity {Capacity}");
        }

        var change = new ContainerChange(Simulation, amount);
        queue.Enqueue(change);
        Settle();
        return change;
    }

    private void Settle()
    {
        bool progressed;
        do
        {
            progressed = false;
            if (_puts.TryPeek(out var put) && Level + put.Amount <= Capacity)
            {
                _puts.Dequeue();
                Level += put.Amount;
                put.Complete();
                progressed = true;
            }

            if (_gets.TryPeek(out var get) && Level >= get.Amount)
            {
                _gets.Dequeue();
                Level -= get.Amount;
                get.Complete();
                progressed = true;
            }
        }
        while (progressed);
    }
}

public sealed class ContainerChange : SimEvent
{
    internal ContainerChange(Simulation simulation, double amount)
        : base(simulation)
    {
        IsPinned = true;
        Amount = amount;
    }

    public double Amount { get; }

    internal void Complete() => Trigger(Amount);
}
