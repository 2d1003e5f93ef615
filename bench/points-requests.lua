-- Nearest resilience points from random places in the Netherlands, as residents' apps would ask:
-- seven in ten near a town centre, the rest anywhere in the country's bounding box; one in four asks
-- for drinking water. Each wrk thread draws its own repeatable sequence.
local towns = {
  {52.3728, 4.8936}, {51.9225, 4.4792}, {52.0799, 4.3113}, {52.0907, 5.1214}, {51.4416, 5.4697},
  {53.2194, 6.5665}, {51.5555, 5.0913}, {52.3508, 5.2647}, {51.5719, 4.7683}, {51.8126, 5.8372},
  {52.2112, 5.9699}, {51.9851, 5.8987}, {52.3874, 4.6462}, {52.1561, 5.3878}, {52.2215, 6.8937},
  {51.6978, 5.3037}, {52.5168, 6.0830}, {52.1601, 4.4970}, {50.8514, 5.6910}, {51.8133, 4.6901},
  {52.6324, 4.7534}, {52.7792, 6.9069}, {51.3704, 6.1724}, {53.2012, 5.7999}, {51.4988, 3.6136},
  {52.9925, 6.5649}, {52.5185, 5.4714}, {51.1942, 5.9875}, {52.9563, 4.7600}, {53.3300, 6.9181},
}

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  math.randomseed(20260214 + (id or 0))
end

request = function()
  local lat, lon
  if math.random() < 0.7 then
    local town = towns[math.random(#towns)]
    lat = town[1] + (math.random() - 0.5) * 0.08
    lon = town[2] + (math.random() - 0.5) * 0.12
  else
    lat = 50.75 + math.random() * 2.80
    lon = 3.35 + math.random() * 3.87
  end
  local filter = ""
  if math.random() < 0.25 then
    filter = "&facility=drinking-water"
  end
  return wrk.format("GET", string.format("/api/v1/points/nearest?lat=%.5f&lon=%.5f%s", lat, lon, filter))
end
