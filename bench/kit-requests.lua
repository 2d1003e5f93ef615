-- Households of many shapes, languages and regions, as app users would send them.
local households = {
  '{"adults":2,"infants":1,"pets":{"dog":1}}',
  '{"elderly":1,"hours":168,"needs":["medication","hearing-aid"]}',
  '{"adults":2,"children":2,"pets":{"cat":2}}',
  '{"adults":1}',
  '{"adults":2,"elderly":2,"children":3,"hours":96,"needs":["insulin","glasses"]}',
}
local queries = { "", "?locale=en", "?region=GM0150", "?locale=fy&region=VR04" }
local counter = 0

request = function()
  counter = counter + 1
  local body = households[counter % #households + 1]
  local path = "/api/v1/kit/calculate" .. queries[counter % #queries + 1]
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end
