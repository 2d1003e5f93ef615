#!/usr/bin/env bash
# Writes a realistic content folder of about 5,000 pages (all kinds, nl/en/fy, national and regional)
# into the folder given as $1.
set -euo pipefail
out=${1:?usage: generate-content.sh FOLDER}
rm -rf "$out"
mkdir -p "$out"

hazards=(power-outage drinking-water-outage flood extreme-heat storm wildfire hazardous-substances
         nuclear-incident pandemic cyber-attack telecom-outage military-threat)
kinds=(page checklist contact)
locales=(nl en fy)

body() { # $1 = id of a page to link to
  cat <<MD
This page explains what residents can do themselves and where they find help. It is written in plain
language and kept short, so that it is still useful on a phone with little battery left.

## What you need to know

- Keep at least 3 litres of drinking water per person per day, for three days.
- Keep long-life food, a torch with spare batteries and a battery or wind-up radio.
- Keep some cash in small notes and copies of important documents.
- Read more about the [emergency kit](page:$1) and check it twice a year.

## What you can do

Talk with your neighbours about who needs help. Agree on a place to meet when phones do not work.
Listen to the regional broadcaster on the radio and follow the instructions of the authorities.
When you cannot call for help, go to the nearest resilience point: it has information, water and a
place to charge your phone.

## After

Refill your kit and talk about what went well and what can be better next time. Call [112](tel:112)
only when life is in danger.
MD
}

risk_body() {
  cat <<MD
A short introduction to this hazard and why it matters for residents of the area.

## Before

- Prepare an [emergency kit](page:p0000) and a household plan.

## During

- Follow the instructions of the authorities. Go inside, close windows and doors.

## After

- Check on your neighbours and refill your kit.
MD
}

write() { # path id kind locale scope title extra body
  mkdir -p "$(dirname "$out/$1")"
  {
    printf -- '---\nid: %s\nkind: %s\ntitle: %s\nsummary: A summary of %s for residents, short enough for a list.\n' "$2" "$3" "$6" "$2"
    printf 'locale: %s\nscope: %s\nupdated: 2026-11-20\norder: %d\ntags: [generated]\n%s---\n' "$4" "$5" $((RANDOM % 100)) "$7"
    printf '%s\n' "$8"
  } > "$out/$1"
}

page_body=$(body p0000)
risk=$(risk_body)

# National: 1,001 pages in three languages, a risk page per hazard, and the risk profile.
for i in $(seq 0 1000); do
  id=$(printf 'p%04d' "$i")
  kind=${kinds[$((i % 3))]}
  for locale in "${locales[@]}"; do
    write "$locale/$kind/$id.md" "$id" "$kind" "$locale" national "Page $id ($locale)" "" "$page_body"
  done
done
for hazard in "${hazards[@]}"; do
  for locale in "${locales[@]}"; do
    write "$locale/risk/$hazard.md" "$hazard" risk "$locale" national "Risk $hazard" "hazards: [$hazard]
" "$risk"
  done
done
for locale in "${locales[@]}"; do
  write "$locale/profile/risk-profile.md" risk-profile profile "$locale" national "Risks" "hazards: [$(IFS=,; echo "${hazards[*]}")]
" "The risks of the Netherlands."
done

# Regional: every safety region replaces some national pages and adds pages of its own.
for vr in $(seq -f 'VR%02g' 1 25); do
  for j in $(seq 0 24); do
    id=$(printf 'p%04d' "$j")
    [ "$j" -ge 12 ] && id="${vr,,}-local-$j"
    kind=${kinds[$((j % 3))]}
    for locale in "${locales[@]}"; do
      write "regions/$vr/$locale/$kind/$id.md" "$id" "$kind" "$locale" "[$vr]" "Regional $id" "" "$page_body"
    done
  done
  write "regions/$vr/nl/risk/flood.md" flood risk nl "[$vr]" "Flood in $vr" "hazards: [flood]
" "$risk"
done
# Some municipalities replace a page of their safety region.
for gm in GM0014 GM0034 GM0150 GM0153 GM0193 GM0200 GM0202 GM0268 GM0307 GM0344 GM0363 GM0405 GM0439 GM0503 GM0518 GM0599 GM0772 GM0796 GM0855 GM0935; do
  for j in 0 1 2; do
    id=$(printf 'p%04d' "$j")
    write "regions/$gm/nl/${kinds[$j]}/$id.md" "$id" "${kinds[$j]}" nl "[$gm]" "Municipal $id" "" "$page_body"
  done
done
echo "$(find "$out" -name '*.md' | wc -l) pages in $out"
