# A class-heavy simulation: particles in a grid world, methods, properties, inheritance,
# dunder methods, instance attribute access.
N = 900  # quick: 90


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def wrap(self, size):
        return Vec(self.x % size, self.y % size)


class Agent:
    def __init__(self, ident, pos, vel):
        self.ident = ident
        self.pos = pos
        self.vel = vel
        self.energy = 100

    @property
    def alive(self):
        return self.energy > 0

    def step(self, world):
        self.pos = (self.pos + self.vel).wrap(world.size)
        self.energy -= 1 + world.cost(self.pos)

    def describe(self):
        return "%s#%d" % (type(self).__name__, self.ident)


class Grazer(Agent):
    def step(self, world):
        super().step(world)
        if world.food.pop(self.pos, None) is not None:
            self.energy += 12


class Hunter(Agent):
    def step(self, world):
        super().step(world)
        prey = world.occupant(self.pos, self)
        if prey is not None and isinstance(prey, Grazer):
            prey.energy = 0
            self.energy += 60


class World:
    def __init__(self, size, seed):
        self.size = size
        self.seed = seed
        self.food = {}
        self.agents = []
        self.cells = {}

    def rand(self, n):
        self.seed = (self.seed * 1103515245 + 12345) % 2147483648
        return (self.seed >> 8) % n

    def cost(self, pos):
        return (pos.x * 7 + pos.y * 3) % 3 == 0

    def occupant(self, pos, me):
        other = self.cells.get(pos)
        return None if other is me else other

    def populate(self, count):
        for i in range(count):
            pos = Vec(self.rand(self.size), self.rand(self.size))
            vel = Vec(self.rand(3) - 1, self.rand(3) - 1)
            cls = Hunter if i % 5 == 0 else Grazer
            self.agents.append(cls(i, pos, vel))

    def tick(self):
        for _ in range(60):
            self.food[Vec(self.rand(self.size), self.rand(self.size))] = True
        self.cells = {a.pos: a for a in self.agents}
        for a in self.agents:
            if a.alive:
                a.step(self)
        self.agents = [a for a in self.agents if a.alive]


world = World(40, 99)
world.populate(400)
for t in range(N):
    world.tick()
hunters = sum(1 for a in world.agents if isinstance(a, Hunter))
print(len(world.agents), hunters, len(world.food), sum(a.energy for a in world.agents))
print([a.describe() for a in world.agents[:3]])
