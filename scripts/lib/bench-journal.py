#!/usr/bin/env python3
"""Writes a realistic journal for the import benchmark: intakes and handouts
over a year across the given boxes, with transfers and write-offs, that never
takes more from a box than it holds on any day.

    bench-journal.py ROWS BOX... > journal.csv
"""
import datetime
import random
import sys

rows, boxes = int(sys.argv[1]), sys.argv[2:]
rnd = random.Random(20261125)
categories = ["shoes", "обувь", "womens", "Женская одежда", "mens", "outerwear", "kids", "Детская одежда",
              "toys", "игрушки", "books", "книги", "linen", "kitchen", "посуда", "accessories", "bags",
              "baby", "sports", "curtains"]
# Names of one category share its stock; the generator keeps stock by name
# group so that it never asks for more than is there.
group = {"обувь": "shoes", "Женская одежда": "womens", "Детская одежда": "kids", "игрушки": "toys",
         "книги": "books", "посуда": "kitchen"}
conditions = ["", "good", "new", "хорошее", "repair", "", "новое"]
groups = ["многодетные", "пенсионеры", "малоимущие", "", "", ""]
volunteers = ["Анна", "Олег", "Мария", "Ирина", "Сергей", "Дарья", "Павел", "Ольга", "Елена", "Никита"]
stock = {}
out = sys.stdout
out.write("дата,операция,бокс,в бокс,категория,количество,\"вес, кг\",состояние,получатель,группа,мероприятие,волонтёр,примечание\n")
per_day = -(-rows // 365)
written = 0
day = 0
while written < rows:
    date = (datetime.date(2025, 1, 1) + datetime.timedelta(days=day % 365)).strftime("%d.%m.%Y")
    fair = "Ярмарка " + date if day % 7 == 5 else ""
    for _ in range(min(per_day, rows - written)):
        box = rnd.choice(boxes)
        cat = rnd.choice(categories)
        key = (box, group.get(cat, cat))
        have = stock.get(key, 0)
        r = rnd.random()
        q = rnd.randint(1, 5)
        kg = f"\"{q * rnd.randint(2, 12) / 10:.1f}\"".replace(".", ",") if rnd.random() < 0.5 else ""
        cond = rnd.choice(conditions)
        vol = rnd.choice(volunteers)
        note = "\"в пакете, с биркой\"" if rnd.random() < 0.02 else ""
        if r < 0.58 or have < q:
            stock[key] = have + q
            out.write(f"{date},приём,{box},,{cat},{q},{kg},{cond},,,,{vol},{note}\n")
        elif r < 0.93:
            stock[key] = have - q
            rec = f"ТД-{rnd.randint(1, 3000):04}" if rnd.random() < 0.7 else ""
            grp = rnd.choice(groups) if rec else ""
            ev = fair if fair and rnd.random() < 0.5 else ""
            out.write(f"{date},выдача,{box},,{cat},{q},{kg},{cond},{rec},{grp},{ev},{vol},{note}\n")
        elif r < 0.97:
            to = rnd.choice([b for b in boxes if b != box])
            stock[key] = have - q
            stock[(to, key[1])] = stock.get((to, key[1]), 0) + q
            out.write(f"{date},перемещение,{box},{to},{cat},{q},,{cond},,,,{vol},{note}\n")
        else:
            stock[key] = have - q
            out.write(f"{date},списание,{box},,{cat},{q},{kg},утиль,,,,{vol},на ветошь\n")
        written += 1
    day += 1
